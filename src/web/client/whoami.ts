import type { components } from "../../api-types.gen";
import { client, must } from "./api-client";

export type Whoami = components["schemas"]["Whoami"];
export type Scope = "cas:write" | "parts:read" | "parts:write" | "parts:delete" | "admin" | "device" | "coredumps:parse";

let current: Whoami | null = null;

/**
 * Asks the worker who the tab's token is and what it may do (GET
 * /api/whoami); `token` checks one before the tab keeps it. The page shows
 * only the sections and controls the answer's `granted` opens, and the
 * storage mode's banner.
 */
export async function loadWhoami(token?: string): Promise<Whoami> {
  const headers = token ? { Authorization: `Bearer ${token}` } : undefined;
  current = await must(client.GET("/api/whoami", { headers }));
  window.dispatchEvent(new CustomEvent("whoami", { detail: current }));
  return current;
}

/** Who the tab is signed in as, once loaded. */
export function whoami(): Whoami | null {
  return current;
}

export function forgetWhoami(): void {
  current = null;
}

/** Whether the signed-in token may use routes that need `scope` (its own scopes and what they imply). */
export function may(scope: Scope): boolean {
  return current?.granted.includes(scope) ?? false;
}
