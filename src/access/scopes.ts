import type { Scope } from "../env";

// Keyed by the Scope type (env.ts), so a scope named there and missing here, or the other way round, does not compile.
const EVERY_SCOPE: Record<Scope, true> = {
  "cas:write": true,
  "parts:read": true,
  "parts:write": true,
  "parts:delete": true,
  admin: true,
  device: true,
  "coredumps:parse": true,
};

/** The scopes a token can carry, at run time; each route needs one of them (policy.ts). */
export const SCOPES = Object.keys(EVERY_SCOPE) as readonly Scope[];

export function isScope(value: string): value is Scope {
  return Object.hasOwn(EVERY_SCOPE, value);
}

/** A space-separated scope string (RFC 6749 §3.3) as a list; empty parts dropped. */
export function splitScopes(value: string): string[] {
  return value.split(" ").filter((s) => s.length > 0);
}
