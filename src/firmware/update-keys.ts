import { importJWK, type JWK } from "jose";
import { z } from "zod";
import { AppError } from "../errors";

/**
 * The keys that sign OTA manifests: the UPDATE_SIGNING_KEYS secret, a JWK set
 * of private keys, oldest first (`{"keys":[{"kty":"EC","crv":"P-256",…,"kid":…}]}`).
 * ECDSA P-256 (ES256) is the default because mbedTLS on ESP-IDF verifies it
 * with the hardware-accelerated ECP code every device already links for TLS;
 * Ed25519 (EdDSA) keys are accepted too. The last key signs; every key is
 * published (/.well-known/cas-edge-update-keys), so a rotation can put a new
 * key in the set before it signs (README "Signed update manifests").
 *
 * These are never the token keys: a device trusts whatever these keys sign,
 * and a token key signs whatever a client can get a token for, so a set that
 * shares a key with JWT_PRIVATE_JWKS is refused.
 */

export type UpdateKeyAlg = "ES256" | "EdDSA";

const kid = z.string().regex(/^[\w.-]{1,64}$/);
const b64 = z.string().regex(/^[\w-]+$/);
const ecKey = z.object({ kty: z.literal("EC"), crv: z.literal("P-256"), kid, x: b64, y: b64, d: b64 });
const edKey = z.object({ kty: z.literal("OKP"), crv: z.literal("Ed25519"), kid, x: b64, d: b64 });
const keySetSchema = z.object({
  keys: z
    .array(z.union([ecKey, edKey]))
    .min(1)
    .max(8),
});
type PrivateKey = z.infer<typeof ecKey> | z.infer<typeof edKey>;

export interface UpdateKeys {
  signing: { kid: string; alg: UpdateKeyAlg; key: CryptoKey };
  /** Public halves of every key, as published. */
  jwks: { keys: JWK[] };
}

const algOf = (key: PrivateKey): UpdateKeyAlg => (key.kty === "EC" ? "ES256" : "EdDSA");

export function publicHalf(key: PrivateKey): JWK {
  const { d: _private, ...pub } = key;
  return { ...pub, alg: algOf(key), use: "sig" };
}

/** The public x coordinates of the token keys, to refuse any of them here. */
function tokenKeyXs(jwtSecret: string | undefined): Set<string> {
  if (!jwtSecret) return new Set();
  try {
    const keys = (JSON.parse(jwtSecret) as { keys?: Array<{ x?: unknown }> }).keys ?? [];
    return new Set(keys.map((k) => k.x).filter((x): x is string => typeof x === "string"));
  } catch {
    return new Set();
  }
}

async function importKeys(text: string, jwtSecret: string | undefined): Promise<UpdateKeys> {
  let parsed: z.infer<typeof keySetSchema>;
  try {
    parsed = keySetSchema.parse(JSON.parse(text));
  } catch {
    throw new Error(
      'UPDATE_SIGNING_KEYS must be {"keys":[<private P-256 or Ed25519 JWK with a kid>, …]} (at most 8); make one with `npm run accounts -- update-keygen`',
    );
  }
  const seen = new Set<string>();
  const tokenXs = tokenKeyXs(jwtSecret);
  for (const key of parsed.keys) {
    if (seen.has(key.kid)) throw new Error(`UPDATE_SIGNING_KEYS names the key id "${key.kid}" twice`);
    if (tokenXs.has(key.x)) throw new Error(`UPDATE_SIGNING_KEYS key "${key.kid}" is also a JWT_PRIVATE_JWKS key; update keys must be their own`);
    seen.add(key.kid);
  }
  const last = parsed.keys.at(-1)!;
  const alg = algOf(last);
  const signing = { kid: last.kid, alg, key: (await importJWK({ ...last, alg }, alg)) as CryptoKey };
  // Every public half must import, so a malformed key is refused now, not by a device later.
  for (const key of parsed.keys) await importJWK(publicHalf(key), algOf(key));
  return { signing, jwks: { keys: parsed.keys.map(publicHalf) } };
}

// Importing is far dearer than signing: once per isolate, per secret text (a rotation redeploys).
const cache = new Map<string, Promise<UpdateKeys>>();

/** The configured keys, or null when UPDATE_SIGNING_KEYS is unset. */
export function updateKeys(env: Pick<Env, "UPDATE_SIGNING_KEYS" | "JWT_PRIVATE_JWKS">): Promise<UpdateKeys> | null {
  const text = env.UPDATE_SIGNING_KEYS;
  if (!text) return null;
  const cacheKey = `${text}\n${env.JWT_PRIVATE_JWKS ?? ""}`;
  let keys = cache.get(cacheKey);
  if (!keys) {
    keys = importKeys(text, env.JWT_PRIVATE_JWKS);
    // A bad secret must not stick: the next request tries again.
    keys.catch(() => cache.delete(cacheKey));
    cache.set(cacheKey, keys);
  }
  return keys;
}

/** The keys, or the 503 problem an OTA check answers when the store cannot sign what it offers. */
export async function requireUpdateKeys(env: Pick<Env, "UPDATE_SIGNING_KEYS" | "JWT_PRIVATE_JWKS">): Promise<UpdateKeys> {
  const keys = updateKeys(env);
  if (keys === null) {
    throw new AppError(
      "manifests_unconfigured",
      "This server has no UPDATE_SIGNING_KEYS, so it cannot sign update manifests; devices are offered nothing until it has.",
    );
  }
  return keys;
}
