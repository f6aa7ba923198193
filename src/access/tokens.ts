import { errors, jwtVerify, SignJWT } from "jose";
import { config } from "../config";
import { type Keyring, keyring, TOKEN_ALG } from "./keyring";
import { splitScopes } from "./scopes";

/** RFC 9068's media type for JWT access tokens, checked on the way in so an ID token or other JWT is never taken for one. */
const TOKEN_TYPE = "at+jwt";

export function issuer(env: Env): string {
  return env.TOKEN_ISSUER || "cas-edge";
}
export function audience(env: Env): string {
  return env.TOKEN_AUDIENCE || "cas-edge";
}

export interface TokenSubject {
  clientId: string;
  /** The device key of a device-bound account: it becomes the token's `sub`. */
  deviceKey: string | null;
  scopes: readonly string[];
}

export interface IssuedToken {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
  scope: string;
}

export class TokenSigningUnavailable extends Error {}

export async function issueToken(env: Env, subject: TokenSubject, now = Date.now()): Promise<IssuedToken> {
  const keys = await keyring(env);
  if (!keys) throw new TokenSigningUnavailable("JWT_PRIVATE_JWKS is not set");
  const ttl = config(env).accessTokenTtlSeconds;
  const iat = Math.floor(now / 1000);
  const scope = subject.scopes.join(" ");
  const token = await new SignJWT({ scope, client_id: subject.clientId })
    .setProtectedHeader({ alg: TOKEN_ALG, kid: keys.signing.kid, typ: TOKEN_TYPE })
    .setIssuer(issuer(env))
    .setAudience(audience(env))
    .setSubject(subject.deviceKey ?? subject.clientId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttl)
    .setJti(crypto.randomUUID())
    .sign(keys.signing.key);
  return { access_token: token, token_type: "Bearer", expires_in: ttl, scope };
}

export interface VerifiedToken {
  sub: string;
  clientId: string;
  scopes: string[];
}

/** Why a token was refused; only ever logged or put in the 401 detail, never anything secret. */
export class InvalidToken extends Error {}

/**
 * Tokens this isolate has already verified, until they expire. A client
 * sends the same token for up to 15 minutes; checking its ES256 signature
 * again each time costs about 0.1 ms of CPU (ten times a static token's
 * check) and proves nothing new. Each entry is tied to the keyring that
 * verified it, so a changed key set verifies afresh.
 * Account status is not cached here (see account-status.ts).
 *
 * The key is the exact token text, never its claims: a hit then proves this
 * very text was verified. Keyed by claims (jti, sub), a hit would let any
 * text carrying them through, a forged signature included. ES256 signatures
 * are malleable: jose accepts the high-S twin (r, n - s) of a valid one, so
 * the same claims verify under two texts. Harmless here (the twin is a
 * genuine signature over the same claims, verified and cached under its own
 * text), and one more reason never to key this cache by claims. Anything that
 * must recognise a token again (a revocation or replay list) goes by its jti,
 * since its text is not unique.
 */
const VERIFIED_MAX = 1000;
const verified = new Map<string, { token: VerifiedToken; expiresAt: number; keys: object }>();

/**
 * Verifies signature (ES256 only: `none`, HS256 and every other alg are
 * refused before any key is used), kid, typ, iss, aud and exp.
 */
export async function verifyToken(env: Env, token: string, now = Date.now()): Promise<VerifiedToken> {
  const keys = await keyring(env);
  if (!keys) throw new InvalidToken("this server issues no JWTs");
  const hit = verified.get(token);
  if (hit && hit.keys === keys && hit.expiresAt > now) return hit.token;
  const result = await verifySignedToken(env, keys, token, now);
  if (verified.size >= VERIFIED_MAX) verified.clear();
  verified.set(token, { ...result, keys });
  return result.token;
}

async function verifySignedToken(env: Env, keys: Keyring, token: string, now: number): Promise<{ token: VerifiedToken; expiresAt: number }> {
  try {
    const { payload } = await jwtVerify(
      token,
      (header) => {
        const key = header.kid === undefined ? undefined : keys.verifying.get(header.kid);
        if (!key) throw new InvalidToken("the token's signing key (kid) is unknown");
        return key;
      },
      {
        algorithms: [TOKEN_ALG],
        issuer: issuer(env),
        audience: audience(env),
        typ: TOKEN_TYPE,
        requiredClaims: ["sub", "exp", "iat", "jti"],
        currentDate: new Date(now),
      },
    );
    const clientId = typeof payload.client_id === "string" ? payload.client_id : payload.sub!;
    const scopes = typeof payload.scope === "string" ? splitScopes(payload.scope) : [];
    return { token: { sub: payload.sub!, clientId, scopes }, expiresAt: payload.exp! * 1000 };
  } catch (err) {
    if (err instanceof InvalidToken) throw err;
    if (err instanceof errors.JWTExpired) throw new InvalidToken("the token has expired");
    if (err instanceof errors.JWTClaimValidationFailed) throw new InvalidToken(`the token's "${err.claim}" claim is not accepted here`);
    if (err instanceof errors.JOSEAlgNotAllowed) throw new InvalidToken("the token's algorithm is not accepted");
    if (err instanceof errors.JWSSignatureVerificationFailed) throw new InvalidToken("the token's signature does not verify");
    if (err instanceof errors.JOSEError) throw new InvalidToken("the token is malformed");
    throw err;
  }
}
