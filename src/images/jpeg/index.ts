/**
 * JPEG thumbnails and encoding in the Worker, through libjpeg-turbo compiled
 * to WebAssembly (see wrapper.c and scripts/build-wasm.sh). The module is
 * compiled once per isolate (wrangler imports the .wasm as a
 * WebAssembly.Module); codec.ts instantiates it afresh for every call.
 */
import { createJpegCodec } from "./codec";
import jpegWasm from "./jpeg.wasm";

export type { JpegCodec, JpegThumbnail } from "./codec";
export { createJpegCodec, JPEG_QUALITY } from "./codec";
export { readJpegHeaderFacts } from "./header";
export { type JpegHeaderFacts, jpegPeakBytes } from "./memory";

const codec = createJpegCodec(jpegWasm);

/** Longest side max_side (never upscaled), EXIF orientation 1-8 applied, q≈80 4:2:0. Throws AppError("corrupt_image", …) on a trap. */
export const jpegThumbnail = codec.jpegThumbnail;
/** Packed RGB (3 bytes/pixel) → baseline JPEG q≈80 4:2:0, for other formats' small results. */
export const encodeJpeg = codec.encodeJpeg;
/** encodeJpeg with the encoder's other choices (progressive, sampling, restart markers). */
export const encodeJpegWith = codec.encodeJpegWith;
