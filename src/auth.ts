import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./env";
import { AppError } from "./errors";

type TokenName = "CAS_WRITE_TOKEN" | "API_TOKEN" | "ADMIN_TOKEN";

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

/** Requires `Authorization: Bearer <env[name]>`; an unset secret locks the route. */
export function requireToken(name: TokenName) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const expected = c.env[name];
    const header = c.req.header("Authorization") ?? "";
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
    if (!expected) console.error(`${name} is not configured; refusing every request that needs it`);
    if (!expected || !match?.[1] || !(await sameSecret(match[1], expected))) {
      throw new AppError("unauthorized", `This endpoint needs "Authorization: Bearer <token>" with a valid token.`, {
        "WWW-Authenticate": 'Bearer realm="cas-edge"',
      });
    }
    await next();
  });
}
