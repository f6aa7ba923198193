import { AppError } from "../errors";
import { probeHeader } from "./probe";

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
 * decoder here) and for anything over the local memory budget. The service
 * applies the file's own orientation (EXIF, or HEIF's irot/imir) itself.
 */
export async function imagesThumbnail(images: ImagesService, body: ReadableStream<Uint8Array>, size: number) {
  let jpeg: Uint8Array;
  try {
    const result = await images
      .input(body)
      .transform({ width: size, height: size, fit: "scale-down" })
      .output({ format: "image/jpeg", quality: 80, background: "#ffffff" });
    jpeg = new Uint8Array(await result.response().arrayBuffer());
  } catch (err) {
    throw imagesError(err);
  }
  const info = probeHeader(jpeg, true);
  if (info?.format !== "jpeg") throw new AppError("image_service_failed", "The Images binding did not answer with a JPEG.");
  return { jpeg, width: info.width, height: info.height };
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
