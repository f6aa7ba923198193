import { Hono } from "hono";
import type { AppEnv } from "../env";
import { touchLastUsed } from "./accounts";
import { readClientCredentials } from "./client-credentials";
import { grantClientCredentials } from "./grant";
import { keyring } from "./keyring";
import { NO_STORE, OAuthError, oauthErrorResponse } from "./oauth-errors";
import { authorizationServerMetadata } from "./oauth-metadata";

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

// Short caching: a verifier must see a new key soon after it is added, a client a new scope soon after a deploy.
const PUBLIC_FOR_5_MINUTES = { "Cache-Control": "public, max-age=300" };

export const wellKnownRoutes = new Hono<AppEnv>()
  /** GET /.well-known/jwks.json: the public keys tokens are signed with (both during a key rotation). */
  .get("/jwks.json", async (c) => {
    const keys = await keyring(c.env);
    return c.json(keys ? keys.jwks : { keys: [] }, 200, PUBLIC_FOR_5_MINUTES);
  })
  /** GET /.well-known/oauth-authorization-server: RFC 8414 metadata, so OAuth clients find the token endpoint themselves. */
  .get("/oauth-authorization-server", (c) => c.json(authorizationServerMetadata(c.env, c.req.url), 200, PUBLIC_FOR_5_MINUTES));
