import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { AppError } from "../errors";
import { assertAllowed, currentMode } from "./mode";
import { policyFor } from "./policy";
import { matchStaticToken } from "./static-tokens";

export interface Principal {
  /** Who is calling: `static:<TOKEN_NAME>` or a service account's client_id. */
  sub: string;
  scopes: ReadonlySet<string>;
}

const BEARER = /^Bearer[ ]+(\S+)\s*$/i;

function unauthorized(): AppError {
  return new AppError("unauthorized", `This endpoint needs "Authorization: Bearer <token>" with a valid token.`, {
    "WWW-Authenticate": 'Bearer realm="cas-edge"',
  });
}

/**
 * The one access check: looks the route up in the policy table, then
 * authenticates, checks the scope, and checks the storage mode, in that
 * order, before any handler reads the body.
 */
export const accessGuard = createMiddleware<AppEnv>(async (c, next) => {
  const policy = policyFor(c.req.method, c.req.path);
  if (policy === undefined || policy.scope === "public") return next();

  const match = BEARER.exec(c.req.header("Authorization") ?? "");
  const found = match?.[1] ? await matchStaticToken(c.env, match[1]) : null;
  if (!found) throw unauthorized();
  const principal: Principal = { sub: found.sub, scopes: new Set(found.scopes) };
  c.set("principal", principal);
  if (!principal.scopes.has(policy.scope)) {
    throw new AppError("forbidden", `This token lacks the scope "${policy.scope}" this endpoint needs.`);
  }
  assertAllowed(await currentMode(c.env), policy.effect);
  await next();
});
