import { AppError } from "../errors";
import { type Box, thumbnailBox } from "./box";
import { type ImageInfo, probeHeader } from "./probe";

/** The part of the Images binding (env.IMAGES) used here, so Node scripts can type it without workers-types. */
export interface ImagesService {
  input(stream: ReadableStream<Uint8Array>): ImagesPipeline;
}
interface ImagesPipeline {
  transform(t: { width: number; height: number; fit: "scale-down" }): ImagesPipeline;
  output(o: { format: "image/jpeg"; quality: number; background: string }): Promise<{ response(): Response }>;
}

/**
 * A thumbnail from the Cloudflare Images binding: the source streams from R2
 * into the service and only the small JPEG comes back, so the isolate spends
 * no memory on the decode. This is the path for HEIC/HEIF and AVIF (no wasm
 * decoder here) and for anything over the local memory budget.
 */
export async function imagesThumbnail(images: ImagesService, body: ReadableStream<Uint8Array>, info: ImageInfo, size: number) {
  let jpeg: Uint8Array;
  try {
    const result = await images
      .input(body)
      .transform({ ...imagesBox(info, size), fit: "scale-down" })
      .output({ format: "image/jpeg", quality: 80, background: "#ffffff" });
    jpeg = new Uint8Array(await result.response().arrayBuffer());
  } catch (err) {
    throw imagesError(err);
  }
  const made = probeHeader(jpeg, true);
  if (made?.format !== "jpeg") throw new AppError("image_service_failed", "The Images binding did not answer with a JPEG.");
  return { jpeg, width: made.width, height: made.height };
}

/**
 * The box the service is asked for: exactly the thumbnail's size as the
 * local paths make it (box.ts), not a square to fit into. Not every
 * implementation honours `fit`: wrangler dev's emulation pads to the box
 * (sharp's contain), another may stretch to it; given the exact box, none can
 * pad, crop or distort, and the real service's scale-down lands on it too,
 * give or take its rounding (and keeps the aspect even if the box were off).
 * The service applies the file's own orientation (EXIF, or HEIF's irot/imir)
 * before it resizes, so the box is the turned one. (wrangler dev 4's
 * emulation applies no orientation at all: an EXIF-turned JPEG over the
 * memory budget comes back unturned there, padded into the turned box.)
 * A HEIF whose size the probe could not find (no ispe in its first 64 KB)
 * gets the square, and only the service's scale-down keeps its aspect.
 */
export function imagesBox(info: ImageInfo, size: number): Box {
  if (info.width < 1 || info.height < 1) return { width: size, height: size };
  return thumbnailBox(info, size);
}

/**
 * The binding's error codes (ImagesError.code, also in its message as
 * "ERROR 9xxx"): 9412 the input is not an image, 9520 its format is not
 * supported, 9413/9422 over its size limits. Anything else is the service
 * failing, not the client.
 */
function imagesError(err: unknown): AppError {
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: unknown }).code;
  const numeric = typeof code === "number" ? code : Number(/\b(9\d{3})\b/.exec(message)?.[1]);
  console.warn("images binding failed", Number.isNaN(numeric) ? "(no code)" : numeric, message);
  if (numeric === 9412 || numeric === 9402) return new AppError("corrupt_image", "The image cannot be decoded: the image service could not read it.");
  if (numeric === 9520) return new AppError("unsupported_media_type", "The image service does not support this image's format.");
  if (numeric === 9413 || numeric === 9422) return new AppError("image_too_large", "The image is larger than the image service accepts.");
  return new AppError("image_service_failed", "The image service could not make this thumbnail; try again later.");
}
