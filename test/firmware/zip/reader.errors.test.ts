import { describe, expect, it } from "vitest";
import { type EntrySink, readZip, type ZipLimits } from "../../../src/firmware/zip/reader";
import { espBuild, noise, zip } from "../../support/esp-build";
import { readRest, watchedBody } from "../../support/streams";

const LIMITS: ZipLimits = { maxArchiveBytes: 64 << 20, maxTotalBytes: 256 << 20, maxEntries: 64, maxRatio: 100, ratioFloor: 1 << 20 };

const ignore = (): EntrySink => ({ async write() {}, async close() {}, abort() {} });

/** The archive in 4 KiB chunks, as a client's body would arrive. */
function chunks(bytes: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += 4096) out.push(bytes.slice(at, at + 4096));
  return out;
}

/**
 * A refused archive leaves the rest of the client's body in the stream.
 * Cancelling it (as this reader once did) threw those bytes away under the
 * HTTP layer, which then had nothing to drain: the next request on the
 * keep-alive connection got no answer or a 503 from wrangler's proxy.
 */
describe("a refused ZIP body is let go of, never cancelled", () => {
  it.each([
    ["not a ZIP", async () => noise(64 * 1024), "unsupported_media_type"],
    ["too many entries", async () => zip(Object.fromEntries(Array.from({ length: 66 }, (_, i) => [`f${i}.txt`, noise(2048)])), 0), "unprocessable"],
    ["a bomb", async () => zip({ "zeros.bin": new Uint8Array(8 << 20) }), "payload_too_large"],
  ])("%s", async (_, make, code) => {
    const archive = await make();
    const pieces = chunks(archive);
    const { body, cancelled, pulled } = watchedBody(pieces);

    await expect(readZip(body, { ...LIMITS, maxEntries: 64, ratioFloor: 1024 }, ignore)).rejects.toMatchObject({ code });

    expect(cancelled()).toBe(false);
    const unread = archive.length - pulled() * 4096;
    expect(unread).toBeGreaterThan(0);
    expect(await readRest(body)).toBeGreaterThanOrEqual(unread);
  });

  it("and a good archive is read to its end", async () => {
    const { files } = await espBuild({ version: "1.0.0" });
    const { body, cancelled } = watchedBody(chunks(zip(files)));
    expect((await readZip(body, LIMITS, ignore)).length).toBe(Object.keys(files).length);
    expect(cancelled()).toBe(false);
    expect(await readRest(body)).toBe(0);
  });
});
