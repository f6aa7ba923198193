import { Hono } from "hono";
import type { AppEnv } from "../env";
import { touchLastUsed } from "./accounts";
import { readClientCredentials } from "./client-credentials";
import { grantClientCredentials } from "./grant";
import { keyring } from "./keyring";
import { NO_STORE, OAuthError, oauthErrorResponse } from "./oauth-errors";

/** POST /api/oauth/token: RFC 6749 §4.4 client credentials → a short-lived ES256 JWT. */
export const oauthRoutes = new Hono<AppEnv>().post("/token", async (c) => {
  try {
    const { client_id, ...token } = await grantClientCredentials(c.env, await readClientCredentials(c.req.raw));
    // last_used_at is bookkeeping: the client need not wait for the write.
    c.executionCtx.waitUntil(touchLastUsed(c.env, client_id));
    return c.json(token, 200, NO_STORE);
  } catch (err) {
    if (err instanceof OAuthError) return oauthErrorResponse(err);
    throw err;
  }
});

/** GET /.well-known/jwks.json: the public keys tokens are signed with (both during a key rotation). */
export const jwksRoutes = new Hono<AppEnv>().get("/jwks.json", async (c) => {
  const keys = await keyring(c.env);
  // Short caching: a verifier must see a new key soon after it is added.
  return c.json(keys ? keys.jwks : { keys: [] }, 200, { "Cache-Control": "public, max-age=300" });
});
