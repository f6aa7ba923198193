import { fromBase64Url, toBase64Url } from "../blobs/bytes";

/**
 * Client secrets: 32 random bytes, shown once, kept only as a salted
 * PBKDF2-SHA256 hash ("pbkdf2-sha256$<iterations>$<salt>$<hash>", base64url).
 *
 * Why only 10,000 iterations: key stretching exists to slow the guessing of
 * low-entropy passwords. These secrets are 256 random bits, so no guessing
 * rate makes them findable; the hash only has to be one-way and salted. A
 * moderate count keeps the token endpoint fast and inside Workers CPU
 * limits: measured in local workerd (shared 2-core machine), one hash takes
 * about 6 ms at 10,000 iterations, 15 ms at 20,000 and 66 ms at 100,000
 * (the Workers maximum), and an account mid-rotation may need two. The
 * count is stored with each hash, so it can be raised later.
 */
export const PBKDF2_ITERATIONS = 10_000;
const SECRET_BYTES = 32;
const SALT_BYTES = 16;
const HASH_BITS = 256;
const SECRET_PREFIX = "cs_";

const encoder = new TextEncoder();

export function randomToken(bytes: number): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** A new client secret, prefixed so secret scanners can recognise a leaked one. */
export function newSecret(): string {
  return `${SECRET_PREFIX}${randomToken(SECRET_BYTES)}`;
}

async function pbkdf2(secret: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, key, HASH_BITS);
  return new Uint8Array(bits);
}

export async function hashSecret(secret: string, iterations = PBKDF2_ITERATIONS): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  return `pbkdf2-sha256$${iterations}$${toBase64Url(salt)}$${toBase64Url(await pbkdf2(secret, salt, iterations))}`;
}

/** True when `secret` hashes to `stored`; the final comparison takes the same time wherever the bytes differ. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [scheme, iterations, salt, hash] = stored.split("$");
  if (scheme !== "pbkdf2-sha256" || !iterations || !salt || !hash) return false;
  const expected = fromBase64Url(hash);
  const actual = await pbkdf2(secret, fromBase64Url(salt), Number(iterations));
  return expected.length === actual.length && crypto.subtle.timingSafeEqual(expected, actual);
}

/** A hash of a random secret, checked against when the client_id is unknown, so timing does not reveal which ids exist. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashSecret(newSecret());
  return decoy;
}
