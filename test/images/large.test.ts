import { afterEach, describe, expect, it } from "vitest";
import { imageBudget } from "../../src/images/budget";
import { encodeJpegWith } from "../../src/images/jpeg";
import { casGet, storeBytes } from "../support/blobs";
import { gradient, jpegSize, near, pixelAt } from "../support/jpeg";
import { makePng } from "../support/png";

const RED = [220, 30, 30];
const GREEN = [30, 180, 60];
const BLUE = [40, 70, 220];
const YELLOW = [240, 210, 40];

/** Four quadrants, red/green over blue/yellow, with a one-pixel black grid every 100 px (detail a box filter must average away). */
function quadrantRows(width: number, height: number, tint = 0) {
  const colours = [RED, GREEN, BLUE, YELLOW].map((c) => c.map((v) => Math.min(255, v + tint)));
  return (y: number, rgb: Uint8Array) => {
    for (let x = 0; x < width; x++) {
      const c = colours[(y < height / 2 ? 0 : 2) + (x < width / 2 ? 0 : 1)]!;
      const line = x % 100 === 0 || y % 100 === 0;
      rgb[x * 3] = line ? 0 : c[0]!;
      rgb[x * 3 + 1] = line ? 0 : c[1]!;
      rgb[x * 3 + 2] = line ? 0 : c[2]!;
    }
  };
}

describe("large sources", () => {
  it("thumbnails a 7000×7000 (49 MP) PNG streamed row by row", { timeout: 180_000 }, async () => {
    const png = await makePng(7000, 7000, quadrantRows(7000, 7000));
    const hash = await storeBytes(png);

    const res = await casGet(hash, "?thumbnail=512");

    expect(res.status).toBe(200);
    const jpeg = new Uint8Array(await res.arrayBuffer());
    expect(jpegSize(jpeg)).toEqual({ width: 512, height: 512 });
    // The 1 px grid lines (1% of the pixels) darken each colour by about 2%: near, not equal.
    expect(near(pixelAt(jpeg, 60, 60), RED, 25)).toBe(true);
    expect(near(pixelAt(jpeg, 450, 60), GREEN, 25)).toBe(true);
    expect(near(pixelAt(jpeg, 60, 450), BLUE, 25)).toBe(true);
    expect(near(pixelAt(jpeg, 450, 450), YELLOW, 25)).toBe(true);
  });
});

describe("admission by memory", () => {
  const acquire = imageBudget.acquire.bind(imageBudget);
  afterEach(() => {
    imageBudget.acquire = acquire;
  });

  it("queues concurrent large decodes so their reservations never exceed the budget; each succeeds or gets 503 with Retry-After", {
    timeout: 180_000,
  }, async () => {
    // Interlaced PNGs are decoded whole (3 bytes a pixel): three 4096×4096 need ~150 MB together, the budget is 96 MB.
    const hashes = [];
    for (const tint of [0, 5, 10]) hashes.push(await storeBytes(await makePng(4096, 4096, quadrantRows(4096, 4096, tint), { interlaced: true })));
    let peak = 0;
    let reserved = 0;
    imageBudget.acquire = async (bytes: number) => {
      const release = await acquire(bytes);
      reserved += bytes;
      peak = Math.max(peak, imageBudget.inUse);
      return release;
    };

    const responses = await Promise.all(hashes.map((hash) => casGet(hash, "?thumbnail=256")));

    for (const res of responses) {
      expect([200, 503]).toContain(res.status);
      if (res.status === 503) expect(res.headers.get("Retry-After")).toBe("5");
      else expect(jpegSize(new Uint8Array(await res.arrayBuffer()))).toEqual({ width: 256, height: 256 });
    }
    expect(responses.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1);
    expect(peak).toBeLessThanOrEqual(imageBudget.capacity);
    expect(peak).toBeLessThan(reserved); // they did not all hold memory at once
  });
});

describe("large JPEGs through the front door", () => {
  it.each([
    ["baseline", false],
    ["progressive", true],
  ])("thumbnails a 6000×4000 %s JPEG", { timeout: 120_000 }, async (_, progressive) => {
    const source = encodeJpegWith(gradient(6000, 4000), 6000, 4000, { quality: 90, progressive });
    const hash = await storeBytes(source);

    const res = await casGet(hash, "?thumbnail=400");

    expect(res.status).toBe(200);
    const jpeg = new Uint8Array(await res.arrayBuffer());
    expect(jpegSize(jpeg)).toEqual({ width: 400, height: 267 });
    expect(near(pixelAt(jpeg, 5, 5), [3, 5, 96], 10)).toBe(true);
    expect(near(pixelAt(jpeg, 395, 260), [252, 249, 96], 10)).toBe(true);
    expect(near(pixelAt(jpeg, 200, 133), [128, 128, 96], 10)).toBe(true);
  });
});
