/**
 * The benchmark's sources, made once and kept in .bench/thumb-sources/:
 * photo-like content (scripts/lib/photo.ts) at phone and camera sizes, as
 * baseline and progressive JPEG (q90, 4:2:0, as cameras write them) and PNG.
 * A smoke run takes the same kinds at an eighth of the width and height.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import sharp from "sharp";
import { photoPixels } from "../lib/photo.ts";

export interface BenchSource {
  label: string;
  kind: "baseline" | "progressive" | "png";
  bytes: Buffer;
}

const DIR = new URL("../../.bench/thumb-sources/", import.meta.url).pathname;

export async function benchSources(divisor = 1): Promise<BenchSource[]> {
  mkdirSync(DIR, { recursive: true });
  const specs = [
    { label: "JPEG 4032×3024 baseline (12 MP)", kind: "baseline", w: 4032, h: 3024 },
    { label: "JPEG 6000×4000 baseline (24 MP)", kind: "baseline", w: 6000, h: 4000 },
    { label: "JPEG 6000×4000 progressive (24 MP)", kind: "progressive", w: 6000, h: 4000 },
    { label: "PNG 4032×3024 (12 MP)", kind: "png", w: 4032, h: 3024 },
  ] as const;
  const sources: BenchSource[] = [];
  for (const full of specs) {
    const spec =
      divisor === 1 ? full : { ...full, label: `${full.label} at 1/${divisor}`, w: Math.round(full.w / divisor), h: Math.round(full.h / divisor) };
    const file = `${DIR}${spec.kind}-${spec.w}x${spec.h}.${spec.kind === "png" ? "png" : "jpg"}`;
    if (!existsSync(file)) {
      console.log(`  making ${spec.label}…`);
      const image = sharp(photoPixels(spec.w, spec.h, 7), { raw: { width: spec.w, height: spec.h, channels: 3 } });
      const encoded = spec.kind === "png" ? image.png() : image.jpeg({ quality: 90, progressive: spec.kind === "progressive" });
      writeFileSync(file, await encoded.toBuffer());
    }
    sources.push({ label: spec.label, kind: spec.kind, bytes: readFileSync(file) });
  }
  return sources;
}
