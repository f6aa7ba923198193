import { PhotonImage, resize, SamplingFilter } from "@cf-wasm/photon";
import { AppError } from "../errors";
import type { ImageInfo } from "./probe";

export const JPEG_QUALITY = 80;

export interface Thumbnail {
  jpeg: Uint8Array;
  width: number;
  height: number;
  /** Milliseconds per step, for Server-Timing (the Workers clock only moves across I/O in production). */
  timings: { decode: number; resize: number; encode: number };
}

/**
 * A JPEG whose longest side is `size` (never upscaled), made with photon.
 * Triangle (bilinear) resampling in image-rs widens its kernel with the
 * scale factor, so one pass already averages every source pixel: Lanczos3
 * costs several times more for no visible gain at thumbnail sizes. The EXIF
 * rotation and the flattening onto white run in JS on the small result,
 * where they cost next to nothing.
 */
export function makeThumbnail(source: Uint8Array, info: ImageInfo, size: number): Thumbnail {
  const scale = Math.min(1, size / Math.max(info.width, info.height));
  const width = Math.max(1, Math.round(info.width * scale));
  const height = Math.max(1, Math.round(info.height * scale));
  const images: PhotonImage[] = [];
  let t = Date.now();
  const timings = { decode: 0, resize: 0, encode: 0 };
  try {
    const decoded = track(images, PhotonImage.new_from_byteslice(source));
    timings.decode = Date.now() - t;
    t = Date.now();
    const small = scale < 1 ? track(images, resize(decoded, width, height, SamplingFilter.Triangle)) : decoded;
    timings.resize = Date.now() - t;
    t = Date.now();
    const oriented = orientAndFlatten(small.get_raw_pixels(), small.get_width(), small.get_height(), info.orientation);
    const jpeg = track(images, new PhotonImage(oriented.pixels, oriented.width, oriented.height)).get_bytes_jpeg(JPEG_QUALITY);
    timings.encode = Date.now() - t;
    return { jpeg, width: oriented.width, height: oriented.height, timings };
  } catch (err) {
    if (err instanceof AppError) throw err;
    // photon panics ("unreachable") on data its decoder rejects.
    console.warn("thumbnail decode failed", String(err));
    throw new AppError("corrupt_image", "The image data is corrupt; no thumbnail can be made from it.");
  } finally {
    for (const image of images) image.free();
  }
}

function track(list: PhotonImage[], image: PhotonImage): PhotonImage {
  list.push(image);
  return image;
}

/**
 * Applies EXIF orientation (1-8: identity, mirror, 180°, flip, transpose,
 * 90° CW, transverse, 90° CCW) and composites RGBA onto white in one pass.
 */
export function orientAndFlatten(rgba: Uint8Array, w: number, h: number, orientation: number) {
  const transposed = orientation >= 5;
  const outW = transposed ? h : w;
  const outH = transposed ? w : h;
  const out = new Uint8Array(outW * outH * 4);
  for (let y = 0; y < outH; y++) {
    for (let x = 0; x < outW; x++) {
      const [sx, sy] = sourceOf(x, y, w, h, orientation);
      const s = (sy * w + sx) * 4;
      const d = (y * outW + x) * 4;
      const a = rgba[s + 3]! / 255;
      out[d] = rgba[s]! * a + 255 * (1 - a);
      out[d + 1] = rgba[s + 1]! * a + 255 * (1 - a);
      out[d + 2] = rgba[s + 2]! * a + 255 * (1 - a);
      out[d + 3] = 255;
    }
  }
  return { pixels: out, width: outW, height: outH };
}

/** Which stored pixel lands at displayed (x, y), per the EXIF orientation tag. */
function sourceOf(x: number, y: number, w: number, h: number, orientation: number): [number, number] {
  switch (orientation) {
    case 2: return [w - 1 - x, y];
    case 3: return [w - 1 - x, h - 1 - y];
    case 4: return [x, h - 1 - y];
    case 5: return [y, x];
    case 6: return [y, h - 1 - x];
    case 7: return [w - 1 - y, h - 1 - x];
    case 8: return [w - 1 - y, x];
    default: return [x, y];
  }
}
