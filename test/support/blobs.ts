import { SELF } from "cloudflare:test";
import { sha256Hex } from "./esp-build";

export const ORIGIN = "https://cas.test";
export const WRITE_TOKEN = "test-cas-write-token";

/** Hashed here, not with src/blobs/keys: a test's expected name must not come from the code it checks. */
export const sha256 = sha256Hex;

/** Random bytes: every test gets blobs no other test has, so no test sees another's cache or R2 state. */
export function randomBytes(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let offset = 0; offset < size; offset += 65536) {
    crypto.getRandomValues(bytes.subarray(offset, Math.min(size, offset + 65536)));
  }
  return bytes;
}

export function putRequest(hash: string, bytes: Uint8Array, headers: Record<string, string> = {}): Request {
  return new Request(`${ORIGIN}/api/cas/${hash}`, {
    method: "PUT",
    body: bytes,
    // Set explicitly: a Request built in-process only gains Content-Length when sent over HTTP.
    headers: { Authorization: `Bearer ${WRITE_TOKEN}`, "Content-Length": String(bytes.length), ...headers },
  });
}

/** Stores bytes through the public PUT endpoint and returns their hash. */
export async function storeBytes(bytes: Uint8Array, contentType?: string): Promise<string> {
  const hash = await sha256(bytes);
  const res = await SELF.fetch(putRequest(hash, bytes, contentType ? { "Content-Type": contentType } : {}));
  if (res.status !== 201 && res.status !== 200) throw new Error(`PUT failed: ${res.status} ${await res.text()}`);
  return hash;
}

export function casGet(hash: string, query = "", init: RequestInit = {}): Promise<Response> {
  return SELF.fetch(`${ORIGIN}/api/cas/${hash}${query}`, init);
}

export async function bodyBytes(res: Response): Promise<Uint8Array> {
  return new Uint8Array(await res.arrayBuffer());
}
