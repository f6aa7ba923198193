import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sha256Hex, WEBCRYPTO_LIMIT } from "../../src/web/client/hash";

// The page's hasher with Node's Blob and WebCrypto, which implement the same web APIs the page uses;
// the Chromium test covers the WebCrypto path in the browser.
describe("hashing a file before upload", () => {
  it("uses WebCrypto for a small file", async () => {
    const bytes = randomBytes(100_000);
    expect(await sha256Hex(new Blob([bytes]))).toBe(createHash("sha256").update(bytes).digest("hex"));
  });

  it("streams a file over the WebCrypto limit through hash-wasm, reporting progress up to 1", async () => {
    const bytes = randomBytes(WEBCRYPTO_LIMIT + 123_457);
    // Built from 1 MB parts so that, as in a browser, the stream yields many chunks.
    const parts = Array.from({ length: Math.ceil(bytes.length / 1e6) }, (_, i) => bytes.subarray(i * 1e6, (i + 1) * 1e6));
    const progress: number[] = [];
    const hash = await sha256Hex(new Blob(parts), (f) => progress.push(f));
    expect(hash).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((f, i) => i === 0 || f > progress[i - 1]!)).toBe(true);
  });
});
