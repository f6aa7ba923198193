import { describe, expect, it } from "vitest";
import { IMAGE_MEMORY_BYTES } from "../../src/images/budget";
import { type PlanContext, planThumbnail } from "../../src/images/plan";
import type { ImageInfo } from "../../src/images/probe";

const MB = 2 ** 20;
const fresh: PlanContext = { images: false, capacity: IMAGE_MEMORY_BYTES, available: IMAGE_MEMORY_BYTES };
const withImages: PlanContext = { ...fresh, images: true };
const png = (width: number, height: number, interlaced = false): ImageInfo => ({
  format: "png",
  width,
  height,
  orientation: 1,
  bitDepth: 8,
  colorType: 6,
  interlaced,
});

describe("the memory plan: what each decode needs, from its header", () => {
  it("streams a 100 MP PNG in a few MB", () => {
    const plan = planThumbnail(png(12_500, 8_000), 150 * MB, 512, fresh);
    expect(plan.path).toBe("png");
    expect(plan.peakBytes).toBeLessThan(10 * MB);
  });

  it("budgets an interlaced PNG at 3 bytes a pixel: 24 MP fits, 40 MP does not", () => {
    expect(planThumbnail(png(6000, 4000, true), 30 * MB, 512, fresh).peakBytes).toBeGreaterThan(72 * MB);
    expect(() => planThumbnail(png(8000, 5000, true), 30 * MB, 512, fresh)).toThrow(/needs \d+ MB/);
    expect(planThumbnail(png(8000, 5000, true), 30 * MB, 512, withImages).path).toBe("images");
  });

  it("keeps photon (WebP, GIF) under its cap, counting the source", () => {
    const webp = (w: number, h: number): ImageInfo => ({ format: "webp", width: w, height: h, orientation: 1 });
    expect(planThumbnail(webp(1600, 1200), 1 * MB, 512, fresh).path).toBe("photon");
    expect(() => planThumbnail(webp(2000, 1500), 1 * MB, 512, fresh)).toThrow(/WEBP is decoded whole/);
  });

  it("sends what is over the free budget (retained memory) to the binding when it has one", () => {
    const crowded: PlanContext = { ...withImages, available: 20 * MB };
    expect(planThumbnail(png(6000, 4000, true), 30 * MB, 512, crowded).path).toBe("images");
    expect(planThumbnail(png(6000, 4000, true), 30 * MB, 512, { ...crowded, images: false }).path).toBe("png");
  });

  it("refuses a header over 120 MP whatever the path", () => {
    expect(() => planThumbnail(png(50_000, 50_000), 100, 512, withImages)).toThrow(/50000×50000/);
  });

  it("sends HEIC and AVIF to the binding, or refuses them with 415 without it", () => {
    const heic: ImageInfo = { format: "heic", width: 4032, height: 3024, orientation: 1 };
    expect(planThumbnail(heic, 2 * MB, 512, withImages).path).toBe("images");
    expect(() => planThumbnail(heic, 2 * MB, 512, fresh)).toThrow(/HEIC/);
  });
});

describe("the memory plan for JPEG (libjpeg-turbo in wasm)", () => {
  const jpeg = (width: number, height: number, progressive: boolean, sampling: Array<[number, number]>): ImageInfo => ({
    format: "jpeg",
    width,
    height,
    orientation: 1,
    components: sampling.length,
    progressive,
    sampling,
  });
  const s420: Array<[number, number]> = [
    [2, 2],
    [1, 1],
    [1, 1],
  ];
  const s444: Array<[number, number]> = [
    [1, 1],
    [1, 1],
    [1, 1],
  ];

  it("decodes a 100 MP baseline JPEG in a few MB of wasm plus its source", () => {
    const plan = planThumbnail(jpeg(12_000, 8_400, false, s420), 40 * MB, 512, fresh);
    expect(plan.path).toBe("jpeg");
    expect(plan.peakBytes).toBeLessThan(50 * MB);
  });

  it("fits a 24 MP progressive 4:2:0 JPEG (its coefficient buffer is ~3 bytes a pixel)", () => {
    const plan = planThumbnail(jpeg(6000, 4000, true, s420), 8 * MB, 512, fresh);
    expect(plan.path).toBe("jpeg");
    expect(plan.peakBytes).toBeGreaterThan(72 * MB);
    expect(plan.peakBytes).toBeLessThanOrEqual(IMAGE_MEMORY_BYTES);
  });

  it("refuses a 24 MP progressive 4:4:4 JPEG (6 bytes a pixel) without the binding, and hands it over with one", () => {
    expect(() => planThumbnail(jpeg(6000, 4000, true, s444), 8 * MB, 512, fresh)).toThrow(/needs \d+ MB/);
    expect(planThumbnail(jpeg(6000, 4000, true, s444), 8 * MB, 512, withImages).path).toBe("images");
  });
});
