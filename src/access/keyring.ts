import { importJWK, type JWK } from "jose";

export const TOKEN_ALG = "ES256";

export interface Keyring {
  /** The newest key: signs every new token. */
  signing: { kid: string; key: CryptoKey };
  /** Every configured key's public half by kid: tokens signed by either key of a rotation verify. */
  verifying: ReadonlyMap<string, CryptoKey>;
  /** The public keys as served at /.well-known/jwks.json. */
  jwks: { keys: JWK[] };
}

/**
 * JWT_PRIVATE_JWKS holds `{"keys": [...]}`: private P-256 JWKs, each with
 * a `kid`, oldest first. The last one signs; all are published. To rotate:
 * append a new key (both verify), wait out the token lifetime, then drop the
 * old one.
 */
function parsePrivateJwks(source: string): JWK[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch {
    throw new Error("JWT_PRIVATE_JWKS is not JSON");
  }
  const keys = (parsed as { keys?: unknown }).keys;
  if (!Array.isArray(keys) || keys.length === 0 || keys.length > 2) throw new Error("JWT_PRIVATE_JWKS must hold one or two keys");
  for (const key of keys as JWK[]) {
    if (key.kty !== "EC" || key.crv !== "P-256" || !key.d || !key.kid) throw new Error("JWT_PRIVATE_JWKS keys must be private P-256 JWKs with a kid");
  }
  return keys as JWK[];
}

function publicHalf({ kty, crv, x, y, kid }: JWK): JWK {
  return { kty, crv, x, y, kid, alg: TOKEN_ALG, use: "sig" };
}

async function buildKeyring(source: string): Promise<Keyring> {
  const privates = parsePrivateJwks(source);
  const publics = privates.map(publicHalf);
  const verifying = new Map<string, CryptoKey>();
  for (const jwk of publics) verifying.set(jwk.kid!, (await importJWK(jwk, TOKEN_ALG)) as CryptoKey);
  const newest = privates[privates.length - 1]!;
  const signing = { kid: newest.kid!, key: (await importJWK({ ...newest, alg: TOKEN_ALG }, TOKEN_ALG)) as CryptoKey };
  return { signing, verifying, jwks: { keys: publics } };
}

// Importing a key costs far more than verifying with it: do it once per
// isolate (per distinct secret value, so a changed secret takes effect).
let cached: { source: string; keyring: Promise<Keyring> } | undefined;

/** The keys from JWT_PRIVATE_JWKS, imported once per isolate; null when the secret is unset (JWTs then disabled). */
export function keyring(env: Env): Promise<Keyring> | null {
  const source = env.JWT_PRIVATE_JWKS;
  if (!source) return null;
  if (cached?.source !== source) {
    const keyring = buildKeyring(source);
    // A bad secret must not stick: the next request tries again.
    keyring.catch(() => {
      if (cached?.keyring === keyring) cached = undefined;
    });
    cached = { source, keyring };
  }
  return cached.keyring;
}
