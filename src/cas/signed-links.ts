import { z } from "zod";
import { fromBase64Url } from "../blobs/bytes";
import type { ContentHash } from "../blobs/keys";
import { config } from "../config";
import { AppError } from "../errors";
import { linkMessage, signWith } from "./link-mac";
import type { BlobView } from "./view";

/**
 * Signed links to private blobs: `/api/private/<hash>?<view>&exp=&kid=&sig=`.
 * The signature is HMAC-SHA256 over the unsigned path (hash and every
 * presentation parameter, urls.ts privatePath), the expiry and the key id,
 * so changing any of them breaks it. Checking one reads no database: the
 * keys come from the LINK_SIGNING_KEYS secret, a JWK set of symmetric keys
 * (`{"keys":[{"kty":"oct","kid":…,"k":…}]}`). The last key signs; every key
 * in the set verifies, so a rotation adds the new key last, and removes the
 * old one once the links it signed have expired.
 */

/** Query parameters a signed link adds to the unsigned path, in this order. */
export const LINK_PARAMS = ["exp", "kid", "sig"] as const;

/** 256-bit keys: the HMAC's own output size (RFC 2104 §3), so a key is never the weak part. */
export const LINK_KEY_BYTES = 32;

const jwk = z.object({ kty: z.literal("oct"), kid: z.string().regex(/^[\w.-]{1,64}$/), k: z.string().regex(/^[\w-]+$/) });
const keySetSchema = z.object({ keys: z.array(jwk).min(1).max(8) });

interface KeySet {
  signing: { kid: string; key: CryptoKey };
  byKid: Map<string, CryptoKey>;
}

// The secret is parsed and its keys imported once per isolate (per secret text: a rotation redeploys).
const keySets = new Map<string, Promise<KeySet>>();

async function importKeySet(text: string): Promise<KeySet> {
  let parsed: z.infer<typeof keySetSchema>;
  try {
    parsed = keySetSchema.parse(JSON.parse(text));
  } catch {
    throw new Error('LINK_SIGNING_KEYS must be {"keys":[{"kty":"oct","kid":…,"k":…}, …]}; make one with `npm run accounts -- link-keygen`');
  }
  const byKid = new Map<string, CryptoKey>();
  for (const { kid, k } of parsed.keys) {
    const raw = fromBase64Url(k);
    if (raw.length < LINK_KEY_BYTES) throw new Error(`LINK_SIGNING_KEYS key "${kid}" has ${raw.length} bytes; it needs ${LINK_KEY_BYTES}`);
    if (byKid.has(kid)) throw new Error(`LINK_SIGNING_KEYS names the key id "${kid}" twice`);
    byKid.set(kid, await crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]));
  }
  const last = parsed.keys.at(-1)!.kid;
  return { signing: { kid: last, key: byKid.get(last)! }, byKid };
}

/** The configured keys, or null when the secret is unset (no link can be made or checked). */
function keySet(env: Pick<Env, "LINK_SIGNING_KEYS">): Promise<KeySet> | null {
  const text = env.LINK_SIGNING_KEYS;
  if (!text) return null;
  let set = keySets.get(text);
  if (!set) {
    set = importKeySet(text);
    set.catch(() => keySets.delete(text));
    keySets.set(text, set);
  }
  return set;
}

/**
 * When a link made at `now` expires (epoch seconds): at least `minSeconds`
 * ahead, rounded up to a multiple of `windowSeconds`. Every link to the same
 * view made within one window is the same URL, so a browser's cache keeps
 * what it loaded across reloads until the window turns.
 */
export function linkExpiry(now: number, minSeconds: number, windowSeconds: number): number {
  return Math.ceil((now + minSeconds) / windowSeconds) * windowSeconds;
}

export interface LinkOptions {
  /** Epoch seconds the link expires at (see linkExpiry). */
  expires: number;
}

/** The signed path of a private blob's view; a 503 problem when LINK_SIGNING_KEYS is unset. */
export async function signedPath(env: Pick<Env, "LINK_SIGNING_KEYS">, hash: ContentHash, view: BlobView, { expires }: LinkOptions): Promise<string> {
  const set = keySet(env);
  if (set === null) throw new AppError("links_unconfigured", "This server has no LINK_SIGNING_KEYS, so it cannot hand out links to private files.");
  const { kid, key } = (await set).signing;
  return signWith(key, kid, hash, view, expires);
}

/**
 * The link an API answer hands out for a private blob's view: valid for at
 * least `minSeconds` (default one LINK_WINDOW_SECONDS window), expiring on a
 * window boundary, so answers made within a window repeat the same URL.
 */
export function privateLink(env: Env, hash: ContentHash, view: BlobView = {}, minSeconds?: number): Promise<string> {
  const window = config(env).linkWindowSeconds;
  const now = Math.floor(Date.now() / 1000);
  return signedPath(env, hash, view, { expires: linkExpiry(now, minSeconds ?? window, window) });
}

const EXPIRES = /^[1-9][0-9]{0,11}$/;
const SIGNATURE = /^[\w-]{43}$/;

function invalid(why: string): AppError {
  return new AppError("link_invalid", `This link is not valid: ${why}. Ask the API for a new one.`);
}

/**
 * Checks a signed link's exp, kid and sig against the hash and view it was
 * asked with, at `now` (epoch seconds). Returns its expiry; throws a 403
 * problem otherwise: `link_expired` only for a link this server signed.
 */
export async function verifySignedLink(
  env: Pick<Env, "LINK_SIGNING_KEYS">,
  hash: ContentHash,
  view: BlobView,
  query: URLSearchParams,
  now: number,
): Promise<number> {
  const exp = query.get("exp");
  const kid = query.get("kid");
  const sig = query.get("sig");
  if (exp === null || kid === null || sig === null) throw invalid("a private file is read only with a signed link (exp, kid and sig)");
  if (!EXPIRES.test(exp) || !SIGNATURE.test(sig)) throw invalid("its exp or sig is malformed");
  const set = keySet(env);
  const key = set && (await set).byKid.get(kid);
  if (!key) throw invalid("it was signed with a key this server does not hold");
  const expires = Number(exp);
  if (!(await crypto.subtle.verify("HMAC", key, fromBase64Url(sig), linkMessage(hash, view, expires, kid)))) {
    throw invalid("its signature does not match");
  }
  if (expires <= now)
    throw new AppError("link_expired", `This link expired at ${new Date(expires * 1000).toISOString()}. Ask the API for a new one.`);
  return expires;
}
