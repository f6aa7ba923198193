import { readFileSync } from "node:fs";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalWorker, startWorker } from "../../scripts/lib/local-worker.ts";
import { send, sha256 } from "./support/http.ts";

const WRITE = { Authorization: "Bearer e2e-write" };
let worker: LocalWorker;

beforeAll(async () => {
  worker = await startWorker("wrangler.toml", 0, { CAS_WRITE_TOKEN: "e2e-write", API_TOKEN: "e2e-api", ADMIN_TOKEN: "e2e-admin" }, undefined, "log");
});

afterAll(() => worker?.stop());

async function thumbnail(bytes: Buffer, size: number) {
  const hash = sha256(bytes);
  const put = await send(worker.url, undefined, { method: "PUT", path: `/api/cas/${hash}`, headers: WRITE, body: bytes });
  expect([200, 201]).toContain(put.status);
  return send(worker.url, undefined, { path: `/api/cas/${hash}?thumbnail=${size}` });
}

/**
 * A camera-sized photo: 5120×2880 (16:9), progressive, 4:4:4, q90, ramps under
 * pseudo-random grain so it compresses like a photo (≈ 8 MB). Its coefficient
 * buffer alone (88 MB) is over the image budget, so the Images binding makes
 * its thumbnail, as it does for such photos under `npm start`.
 */
async function widePhoto(): Promise<Buffer> {
  const [width, height] = [5120, 2880];
  const pixels = Buffer.alloc(width * height * 3);
  let seed = 1;
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i += 3) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      const grain = ((seed >>> 16) & 63) - 32;
      pixels[i] = Math.max(0, Math.min(255, (x * 255) / width + grain));
      pixels[i + 1] = Math.max(0, Math.min(255, (y * 255) / height + ((grain * 7) & 31) - 16));
      pixels[i + 2] = 96 + (grain >> 1);
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90, progressive: true, chromaSubsampling: "4:4:4" })
    .toBuffer();
}

/** wrangler dev bundles jpeg.wasm and runs the Images binding locally (on sharp), as the edge would run the real service. */
describe("thumbnails from the worker under wrangler dev", () => {
  // wrangler dev's emulation of the binding ignores `fit` and pads to the box it is given: the worker
  // asks for the thumbnail's exact box, so what comes back has the source's aspect all the same.
  it("keeps an AVIF's aspect through the Images binding", async () => {
    const res = await thumbnail(readFileSync(new URL("../fixtures/image.avif", import.meta.url)), 200);

    expect(res.status).toBe(200);
    expect(String(res.headers["server-timing"])).toMatch(/decode;dur=\d+;desc=images/);
    const { data, info } = await sharp(res.body).raw().toBuffer({ resolveWithObject: true });
    expect(info.width).toBe(200);
    expect(Math.abs(info.height - 150)).toBeLessThanOrEqual(1); // 400×300
    const rgbAt = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
    const near = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - b[i]!) <= 40);
    // The quadrants reach the corners: no padding on any side.
    expect(near(rgbAt(3, 3), [220, 30, 30])).toBe(true);
    expect(near(rgbAt(196, info.height - 4), [240, 210, 40])).toBe(true);
  });

  it("keeps a 16:9 progressive 4:4:4 photo's aspect through the Images binding", async () => {
    const res = await thumbnail(await widePhoto(), 512);

    expect(res.status).toBe(200);
    expect(String(res.headers["server-timing"])).toMatch(/decode;dur=\d+;desc=images/);
    const { data, info } = await sharp(res.body).raw().toBuffer({ resolveWithObject: true });
    expect(info.width).toBe(512);
    expect(Math.abs(info.height - 288)).toBeLessThanOrEqual(1); // 5120×2880
    // The ramps reach the corners (the grain averages out): no padding on any side.
    const rgbAt = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
    const near = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - b[i]!) <= 24);
    expect(near(rgbAt(2, 2), [0, 0, 96])).toBe(true);
    expect(near(rgbAt(509, info.height - 3), [255, 255, 96])).toBe(true);
  });

  it("makes a 24 MP progressive JPEG's thumbnail with the wasm codec", async () => {
    const pixels = Buffer.alloc(6000 * 4000 * 3, 0);
    for (let i = 0; i < pixels.length; i += 3) pixels[i] = 200; // red
    const source = await sharp(pixels, { raw: { width: 6000, height: 4000, channels: 3 } })
      .jpeg({ quality: 90, progressive: true })
      .toBuffer();

    const res = await thumbnail(source, 300);

    expect(res.status).toBe(200);
    expect(await sharp(res.body).metadata()).toMatchObject({ format: "jpeg", width: 300, height: 200 });
    expect(String(res.headers["server-timing"])).toMatch(/decode;dur=\d+;desc=jpeg/);
  });
});
