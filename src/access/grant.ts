import { authenticateClient, scopesOf } from "./accounts";
import type { ClientCredentialsRequest } from "./client-credentials";
import { OAuthError } from "./oauth-errors";
import { tokenThrottle } from "./throttle";
import { type IssuedToken, issueToken, TokenSigningUnavailable } from "./tokens";

/**
 * The client credentials grant: checks the secret, narrows the scopes and
 * signs a token. A wrong secret is counted against its client_id (one
 * Durable Object per id); past the limit the answer is 429 instead of 401.
 * A correct secret is never counted and never refused by the limit, so an
 * attacker hammering one id cannot lock its real client out, and the
 * success path makes no call to the counter at all. (Secrets are 256
 * random bits: the limit cuts noise and load, guessing is hopeless anyway.)
 */
export async function grantClientCredentials(env: Env, request: ClientCredentialsRequest): Promise<IssuedToken & { client_id: string }> {
  const account = await authenticateClient(env, request.clientId, request.secret);
  if (!account) {
    const verdict = await tokenThrottle(env, request.clientId).recordFailure();
    if (verdict.blocked) {
      throw new OAuthError("slow_down", `Too many failed attempts for this client_id; retry in ${verdict.retryAfter} s.`, {
        "Retry-After": String(verdict.retryAfter),
      });
    }
    throw new OAuthError("invalid_client", "Unknown client_id or wrong client_secret.");
  }
  if (account.disabled) throw new OAuthError("invalid_client", "This client is disabled.");

  const allowed = scopesOf(account);
  let scopes: string[] = allowed;
  if (request.scope !== null && request.scope.length > 0) {
    const refused = request.scope.find((s) => !(allowed as string[]).includes(s));
    if (refused !== undefined) throw new OAuthError("invalid_scope", `This client may not have the scope "${refused}".`);
    scopes = [...new Set(request.scope)];
  }
  try {
    const token = await issueToken(env, { clientId: account.clientId, deviceKey: account.deviceKey, scopes });
    return { ...token, client_id: account.clientId };
  } catch (err) {
    if (err instanceof TokenSigningUnavailable) throw new OAuthError("server_error", "This server has no token signing key configured.");
    throw err;
  }
}
