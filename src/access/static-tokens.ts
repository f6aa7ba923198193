import type { Scope } from "../env";

/**
 * The three shared bearer tokens of the first release, each standing for a
 * fixed set of scopes. Set them to empty (or delete the secrets) once
 * service accounts carry all traffic.
 */
const STATIC_TOKENS = {
  CAS_WRITE_TOKEN: ["cas:write"],
  // The frontend uploads through the API and asks which blobs exist before sending them.
  API_TOKEN: ["parts:read", "parts:write", "parts:delete", "cas:write"],
  ADMIN_TOKEN: ["admin"],
} as const satisfies Record<string, readonly Scope[]>;

const encoder = new TextEncoder();

/**
 * Compares in constant time. Both sides are hashed first so the comparison
 * never leaks the secret's length through an early length mismatch.
 */
async function sameSecret(given: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([
    crypto.subtle.digest("SHA-256", encoder.encode(given)),
    crypto.subtle.digest("SHA-256", encoder.encode(expected)),
  ]);
  return crypto.subtle.timingSafeEqual(a, b);
}

/** The static token `token` is, as a principal, or null when it is none of them (or that secret is unset). */
export async function matchStaticToken(env: Env, token: string): Promise<{ sub: string; scopes: readonly Scope[] } | null> {
  for (const [name, scopes] of Object.entries(STATIC_TOKENS)) {
    const expected = env[name as keyof typeof STATIC_TOKENS];
    if (expected && (await sameSecret(token, expected))) return { sub: `static:${name}`, scopes };
  }
  return null;
}
