import { PhotonImage, resize, SamplingFilter } from "@cf-wasm/photon";
import { AppError } from "../errors";
import { imageBudget } from "./budget";
import { flattenRgba } from "./orient";

/**
 * photon's wasm instance is a module-level singleton: its memory grows to the
 * largest decode it has done and never shrinks, and a trap leaks what that
 * call had taken. The image budget therefore keeps its high-water mark as
 * retained for the isolate's lifetime.
 */
function retain(peakBytes: number): void {
  imageBudget.retainAtLeast(peakBytes);
}

/**
 * Decodes a whole WebP/GIF (or any format image-rs reads) with photon and
 * reduces it to width × height. Triangle (bilinear) resampling in image-rs
 * widens its kernel with the scale factor, so one pass averages every source
 * pixel. Returns packed RGB flattened onto white.
 */
export function photonReduce(source: Uint8Array, width: number, height: number, wasmBytes: number) {
  retain(wasmBytes);
  const images: PhotonImage[] = [];
  const track = (image: PhotonImage) => (images.push(image), image);
  let t = Date.now();
  try {
    const decoded = track(PhotonImage.new_from_byteslice(source));
    const decode = Date.now() - t;
    t = Date.now();
    const scaled = decoded.get_width() > width ? track(resize(decoded, width, height, SamplingFilter.Triangle)) : decoded;
    const rgb = flattenRgba(scaled.get_raw_pixels());
    return { rgb, width: scaled.get_width(), height: scaled.get_height(), decode, resize: Date.now() - t };
  } catch (err) {
    if (err instanceof AppError) throw err;
    // photon panics ("unreachable") on data its decoder rejects.
    console.warn("thumbnail decode failed", String(err));
    throw new AppError("corrupt_image", "The image data is corrupt; no thumbnail can be made from it.");
  } finally {
    for (const image of images) image.free();
  }
}
