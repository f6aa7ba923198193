/**
 * npm run bench:jpeg-quality -- <file.jpg>... [--size 512]
 * npm run bench:jpeg-quality -- --smoke   (one of the test photos, 150 px)
 *
 * Luma (Y) PSNR of the worker's JPEG thumbnail (jpeg.wasm, shrink-on-load,
 * Lanczos3, q80 4:2:0) against sharp's lossless reference: the full decode
 * (no shrink-on-load) resized with Lanczos3 to the same size, kept as raw
 * pixels. Y rather than RGB, so 4:2:0 chroma is not counted against the resize.
 * Exits 1 when a file cannot be compared.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import sharp from "sharp";
import { createJpegCodec } from "../../src/images/jpeg/codec.ts";
import { smokeOption } from "./harness.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { size: { type: "string", default: "512" }, ...smokeOption, help: { type: "boolean", short: "h" } },
});
if (values.smoke) {
  Object.assign(values, { size: "150" });
  positionals.splice(0, positionals.length, new URL("../../test/fixtures/photo-1.jpg", import.meta.url).pathname);
}
if (values.help || positionals.length === 0) {
  console.log("usage: npm run bench:jpeg-quality -- <file.jpg>... [--size 512] | --smoke");
  process.exit(values.help ? 0 : 1);
}

const codec = createJpegCodec(new WebAssembly.Module(readFileSync(new URL("../../src/images/jpeg/jpeg.wasm", import.meta.url))));

/** Y PSNR in dB of two same-sized RGB rasters. */
function lumaPsnr(a: Uint8Array, b: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 3) {
    const ya = 0.299 * a[i]! + 0.587 * a[i + 1]! + 0.114 * a[i + 2]!;
    const yb = 0.299 * b[i]! + 0.587 * b[i + 1]! + 0.114 * b[i + 2]!;
    sum += (ya - yb) ** 2;
  }
  const mse = sum / (a.length / 3);
  return mse === 0 ? Infinity : 10 * Math.log10((255 * 255) / mse);
}

/** The thumbnail's and the reference's RGB pixels, oriented for display. */
async function compare(source: Uint8Array, size: number) {
  const meta = await sharp(source).metadata();
  const thumb = codec.jpegThumbnail(source, size, meta.orientation ?? 1);
  const ours = await sharp(thumb.jpeg).removeAlpha().toColourspace("srgb").raw().toBuffer({ resolveWithObject: true });
  const reference = await sharp(source)
    .rotate()
    .resize(thumb.width, thumb.height, { fit: "fill", kernel: "lanczos3", fastShrinkOnLoad: false })
    .removeAlpha()
    .toColourspace("srgb")
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (ours.info.channels !== 3 || reference.info.channels !== 3) throw new Error("expected RGB rasters");
  return { thumb, psnr: lumaPsnr(ours.data, reference.data), meta };
}

let failed = false;
for (const file of positionals) {
  try {
    const { thumb, psnr, meta } = await compare(readFileSync(file), Number(values.size));
    const kind = `${meta.width}×${meta.height} ${meta.isProgressive ? "progressive" : "baseline"} ${meta.chromaSubsampling ?? ""}`;
    console.log(
      `${file}  ${kind}  → ${thumb.width}×${thumb.height}  Y-PSNR ${psnr.toFixed(2)} dB  peak ${(thumb.peakBytes / 2 ** 20).toFixed(1)} MiB`,
    );
  } catch (err) {
    failed = true;
    console.error(`${file}: ${err instanceof Error ? err.message : err}`);
  }
}
process.exit(failed ? 1 : 0);
