import { createMiddleware } from "hono/factory";
import type { AppEnv, Principal } from "../env";
import { AppError } from "../errors";
import { accountActive } from "./account-status";
import { assertAllowed, currentMode } from "./mode";
import { grantedScopes } from "./policy";
import { matchStaticToken } from "./static-tokens";
import { InvalidToken, verifyToken } from "./tokens";

const BEARER = /^Bearer[ ]+(\S+)\s*$/i;
// A compact JWS: three base64url parts, the header starting with `{"`.
const JWT = /^eyJ[\w-]*\.[\w-]+\.[\w-]*$/;

function unauthorized(): AppError {
  return new AppError("unauthorized", `This endpoint needs "Authorization: Bearer <token>" with a valid token.`, {
    "WWW-Authenticate": 'Bearer realm="cas-edge"',
  });
}

/** RFC 6750 §3.1: a token was sent but cannot be used (malformed, expired, revoked, wrong signature). */
function invalidToken(why: string): AppError {
  return new AppError("invalid_token", `The bearer token is not valid: ${why}.`, {
    "WWW-Authenticate": 'Bearer realm="cas-edge", error="invalid_token"',
  });
}

async function jwtPrincipal(env: Env, token: string): Promise<Principal> {
  let verified: Awaited<ReturnType<typeof verifyToken>>;
  try {
    verified = await verifyToken(env, token);
  } catch (err) {
    if (err instanceof InvalidToken) throw invalidToken(err.message);
    throw err;
  }
  if (!(await accountActive(env, verified.clientId))) throw invalidToken("its service account is disabled");
  const principal: Principal = { sub: verified.sub, carried: verified.scopes, scopes: grantedScopes(verified.scopes), clientId: verified.clientId };
  if (verified.sub !== verified.clientId) principal.device = verified.sub;
  return principal;
}

/** A request the policy table has no row for: 405 when its path exists for other methods (RFC 9110 §15.5.6), else 404. */
function noSuchRoute(method: string, allow: readonly string[]): AppError {
  if (allow.length === 0) return new AppError("not_found", "No such route.");
  const list = allow.join(", ");
  return new AppError("method_not_allowed", `This resource allows ${list}, not ${method}.`, { Allow: list });
}

/**
 * The one access check, failing closed: a request the policy table has no
 * row for (the route lookup found none) is refused before any handler runs;
 * otherwise it authenticates (a service account's JWT, or one of the legacy
 * static tokens), checks the scope (what the token carries or implies), and checks the storage mode, in that
 * order, before any handler reads the body. Hono runs GET handlers for HEAD,
 * so HEAD is checked against GET's row (policyMethod), never waved through.
 */
export const accessGuard = createMiddleware<AppEnv>(async (c, next) => {
  const route = c.var.route;
  if (route.policy === undefined) throw noSuchRoute(c.req.method, route.allow);
  const { policy } = route;
  if (policy.scope === "public") return next();

  const token = BEARER.exec(c.req.header("Authorization") ?? "")?.[1];
  if (!token) throw unauthorized();
  let principal: Principal;
  if (JWT.test(token)) {
    principal = await jwtPrincipal(c.env, token);
  } else {
    const found = await matchStaticToken(c.env, token);
    if (!found) throw invalidToken("it is not a token this server issued");
    principal = { sub: found.sub, carried: found.scopes, scopes: grantedScopes(found.scopes) };
  }
  c.set("principal", principal);
  if (policy.scope !== "authenticated" && !principal.scopes.has(policy.scope)) {
    throw new AppError("forbidden", `This token lacks the scope "${policy.scope}" this endpoint needs.`);
  }
  // Reads and operator settings are never refused, so they skip the mode lookup.
  if (policy.effect === "write" || policy.effect === "delete") assertAllowed(await currentMode(c.env), policy.effect);
  await next();
});
