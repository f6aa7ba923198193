/**
 * SHA-256 of a file in the browser. WebCrypto digests a whole buffer at
 * once, so it is used only for files that fit comfortably in memory; larger
 * ones stream through hash-wasm chunk by chunk (its own chunk of script,
 * loaded only then). WebCrypto is also missing outside secure contexts.
 */
export const WEBCRYPTO_LIMIT = 32 * 1024 * 1024;

function hex(bytes: ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export async function sha256Hex(file: Blob, onProgress: (fraction: number) => void = () => {}): Promise<string> {
  if (file.size <= WEBCRYPTO_LIMIT && globalThis.crypto?.subtle) {
    return hex(await crypto.subtle.digest("SHA-256", await file.arrayBuffer()));
  }
  // The package's SHA-256-only browser build (18 KB) rather than its index, which carries every algorithm.
  const { createSHA256 } = (await import("hash-wasm/dist/sha256.umd.min.js")).default;
  const hasher = await createSHA256();
  hasher.init();
  const reader = file.stream().getReader();
  let done = 0;
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done) break;
    hasher.update(chunk.value);
    done += chunk.value.length;
    onProgress(done / file.size);
  }
  return hasher.digest("hex");
}
