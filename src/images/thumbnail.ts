import { AppError } from "../errors";
import { type ImagesService, imagesThumbnail } from "./binding";
import { scaledSize } from "./box";
import { encodeJpeg, jpegThumbnail } from "./jpeg";
import { orientRgb } from "./orient";
import { photonReduce } from "./photon";
import { type Plan, photonWasmBytes } from "./plan";
import { decodePng } from "./png/decode";
import type { ImageInfo } from "./probe";

export interface Thumbnail {
  jpeg: Uint8Array;
  width: number;
  height: number;
  /** Milliseconds per step, for Server-Timing (the Workers clock only moves across I/O in production). */
  timings: { decode: number; resize: number; encode: number };
}

/** The source as each path wants it: whole (JPEG, photon) or streamed (PNG, Images binding). */
export interface ThumbnailSource {
  bytes(): Promise<Uint8Array>;
  stream(): Promise<ReadableStream<Uint8Array>>;
}

/**
 * A JPEG whose longest side is `size`, made the way `plan` chose: the JPEG
 * codec (libjpeg-turbo in wasm), the streaming PNG decoder, photon for
 * WebP/GIF, or the Images binding, all at the size box.ts gives. EXIF
 * orientation is applied and transparency flattened on white; the small
 * results of PNG and photon are encoded by the JPEG codec too (a fresh
 * instance, so nothing is retained).
 */
export async function makeThumbnail(source: ThumbnailSource, info: ImageInfo, size: number, plan: Plan, images?: ImagesService): Promise<Thumbnail> {
  const timings = { decode: 0, resize: 0, encode: 0 };
  let t = Date.now();
  if (plan.path === "images") {
    if (!images) throw new AppError("image_service_failed", "The Images binding is not configured.");
    const made = await imagesThumbnail(images, await source.stream(), info, size);
    timings.decode = Date.now() - t;
    return { ...made, timings };
  }
  if (plan.path === "jpeg") {
    // Shrink-on-load, resize, orientation and encoding all happen inside the codec.
    const made = jpegThumbnail(await source.bytes(), size, info.orientation);
    timings.decode = Date.now() - t;
    return { jpeg: made.jpeg, width: made.width, height: made.height, timings };
  }
  // Reduced as stored, then oriented: the box thumbnailBox gives, as the codec makes it.
  const target = scaledSize(info.width, info.height, size);
  let reduced: { rgb: Uint8Array; width: number; height: number };
  if (plan.path === "png") {
    // Rows are reduced as they are decoded: the decode's time includes the resize.
    reduced = await decodePng(await source.stream(), (header) => {
      if (header.width !== info.width || header.height !== info.height)
        throw new AppError("corrupt_image", "The image cannot be decoded: its IHDR changed.");
      return target;
    });
    timings.decode = Date.now() - t;
  } else {
    const bytes = await source.bytes();
    const made = photonReduce(bytes, target.width, target.height, photonWasmBytes(info, bytes.length));
    timings.decode = made.decode;
    timings.resize = made.resize;
    reduced = made;
  }
  t = Date.now();
  const oriented = orientRgb(reduced.rgb, reduced.width, reduced.height, info.orientation);
  const jpeg = encodeJpeg(oriented.pixels, oriented.width, oriented.height);
  timings.encode = Date.now() - t;
  return { jpeg, width: oriented.width, height: oriented.height, timings };
}
