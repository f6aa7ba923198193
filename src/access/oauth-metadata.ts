import { SCOPES } from "./scopes";
import { issuer } from "./tokens";

/**
 * The issuer named in the metadata. RFC 8414 §2 makes it a URL (https, no
 * query or fragment), and §3/§3.3 tie it to where the metadata is served: a
 * client inserts /.well-known/oauth-authorization-server between the
 * issuer's host and path, fetches that, and must drop the answer unless its
 * `issuer` is the exact value it started from. So:
 * - TOKEN_ISSUER when it is such a URL naming only an origin (this route is
 *   served at the root, so an issuer with a path would have its metadata at a
 *   path the worker does not answer). Tokens carry the same string as `iss`,
 *   so a verifier that takes the issuer from discovery accepts them
 *   (RFC 9068 §4). Deployments should set it to their public https origin.
 * - Otherwise (the default "cas-edge", which is no URL, and which live tokens
 *   and verifiers already use) the origin this request came to: the one URL
 *   whose metadata path this is. Discovery then works on any host, wrangler
 *   dev's http://127.0.0.1:<port> included; `iss` in tokens stays TOKEN_ISSUER.
 * http is accepted because local development has nothing else; Cloudflare
 * serves the worker over https.
 */
export function metadataIssuer(env: Env, requestUrl: string): string {
  const configured = issuer(env);
  return namesAnOrigin(configured) ? configured : new URL(requestUrl).origin;
}

function namesAnOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && url.pathname === "/" && !/[?#]/.test(value);
  } catch {
    return false;
  }
}

/** RFC 8414 §2 metadata: what a standard OAuth client needs to find the token endpoint and get a client-credentials token. */
export function authorizationServerMetadata(env: Env, requestUrl: string) {
  const iss = metadataIssuer(env, requestUrl);
  const at = (path: string) => new URL(path, iss).href;
  return {
    issuer: iss,
    token_endpoint: at("/api/oauth/token"),
    jwks_uri: at("/.well-known/jwks.json"),
    scopes_supported: [...SCOPES],
    // REQUIRED by §2 even here: no response type is supported, as there is no authorization endpoint
    // (which §2 then does not require).
    response_types_supported: [],
    // The default when omitted would be authorization_code and implicit, neither of which exists here.
    grant_types_supported: ["client_credentials"],
    // The client secret, in HTTP Basic or the form body (RFC 6749 §2.3.1); no JWT client auth, so no signing algs.
    token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
    service_documentation: at("/api/docs"),
  };
}
