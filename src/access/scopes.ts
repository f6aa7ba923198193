/** The scopes a token can carry; each route needs one of them (policy.ts). */
export const SCOPES = ["cas:write", "parts:read", "parts:write", "parts:delete", "admin", "device", "coredumps:parse"] as const;

export type Scope = (typeof SCOPES)[number];

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

/** A space-separated scope string (RFC 6749 §3.3) as a list; empty parts dropped. */
export function splitScopes(value: string): string[] {
  return value.split(" ").filter((s) => s.length > 0);
}
