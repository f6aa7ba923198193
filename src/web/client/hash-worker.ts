/**
 * The page's hashing thread (built as build/hash-worker.js, a module
 * worker): SHA-256 of a File read in slices through hash-wasm's incremental
 * hasher, so a file of any size is hashed in constant memory and the page
 * stays responsive. Messages out: { progress } (0..1) while reading, then
 * { sha256 } or { error }.
 */
import hashWasm from "hash-wasm/dist/sha256.umd.min.js";

/** Large enough that reading costs little per byte, small enough to keep memory flat and progress moving. */
const SLICE = 8 * 1024 * 1024;

// The DOM lib's types describe a window; in a dedicated worker, postMessage takes just the message.
const scope = self as unknown as { postMessage(message: unknown): void; onmessage: ((e: MessageEvent<Blob>) => void) | null };

async function hash(file: Blob): Promise<string> {
  const hasher = await hashWasm.createSHA256();
  hasher.init();
  for (let offset = 0; offset < file.size; offset += SLICE) {
    hasher.update(new Uint8Array(await file.slice(offset, offset + SLICE).arrayBuffer()));
    scope.postMessage({ progress: Math.min(1, (offset + SLICE) / file.size) });
  }
  return hasher.digest("hex");
}

scope.onmessage = (e) => {
  hash(e.data).then(
    (sha256) => scope.postMessage({ sha256 }),
    (err: unknown) => scope.postMessage({ error: err instanceof Error ? err.message : String(err) }),
  );
};
