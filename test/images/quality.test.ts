import { describe, expect, it } from "vitest";
import { casGet, storeBytes } from "../support/blobs";
import { fixture } from "../support/fixtures";
import { lumaPsnr } from "../support/psnr";

describe("thumbnail quality against sharp (libvips, Lanczos3) on photo-like sources", () => {
  it.each([["photo-1"], ["photo-2"], ["photo-3"]])("%s at 512 px: luma PSNR ≥ 33 dB against sharp's lossless thumbnail", async (name) => {
    const hash = await storeBytes(fixture(`${name}.jpg`));
    const res = await casGet(hash, "?thumbnail=512");
    expect(res.status).toBe(200);

    const { psnr, width, height } = lumaPsnr(new Uint8Array(await res.arrayBuffer()), fixture(`${name}.ref512.png`));

    expect(Math.max(width, height)).toBe(512);
    console.log(`${name}: luma PSNR ${psnr.toFixed(1)} dB`);
    expect(psnr).toBeGreaterThanOrEqual(33);
  });
});
