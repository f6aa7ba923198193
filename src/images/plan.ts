import { AppError } from "../errors";
import { mb } from "./budget";
import { jpegPeakBytes } from "./jpeg/memory";
import type { ImageInfo } from "./probe";

/** Where a thumbnail is made: which decoder, and how much memory it may take at its peak. */
export type DecodePath = "jpeg" | "png" | "photon" | "images";

export interface Plan {
  path: DecodePath;
  /** Bytes reserved in the isolate's image budget while it runs (source copies, wasm memory, rows). */
  peakBytes: number;
}

/**
 * photon (image-rs in wasm; WebP and GIF) copies the file in, decodes the
 * whole image to RGB, copies it to RGBA and resizes through a float buffer.
 * Its wasm memory, measured with scripts/bench/thumb-memory.ts: 22 MB for a
 * 1 MP WebP, 54 MB for 3 MP (16 B a pixel plus ~6 MB), 41 MB for a 3 MP GIF;
 * and it never shrinks. 40 MB (≈ 2 MP) keeps what it leaves behind small
 * enough that the other paths still fit beside it.
 */
export const PHOTON_BYTES_PER_PIXEL = 16;
export const PHOTON_MAX_BYTES = 40 * 2 ** 20;
const PHOTON_BASE_BYTES = 6 * 2 ** 20;

/** photon's own wasm memory for a decode: what stays retained after it. */
export function photonWasmBytes(info: ImageInfo, sourceBytes: number): number {
  return info.width * info.height * PHOTON_BYTES_PER_PIXEL + sourceBytes + PHOTON_BASE_BYTES;
}

/**
 * Decode time grows with pixels even where memory does not (a streamed PNG
 * holds rows only), so a header that claims more than this is refused (or
 * handed to the Images binding) before any work: the decompression-bomb guard.
 */
export const MAX_DECODE_PIXELS = 120_000_000;

/** Rows, ring buffers, the inflater's window and network chunks of a streamed PNG, beyond its rows. */
const STREAM_OVERHEAD = 2 * 2 ** 20;

export interface PlanContext {
  /** Whether env.IMAGES is configured. */
  images: boolean;
  /** The image budget's whole capacity and what is free of retained memory. */
  capacity: number;
  available: number;
}

export function planThumbnail(info: ImageInfo, sourceBytes: number, size: number, ctx: PlanContext): Plan {
  const binding: Plan = { path: "images", peakBytes: outputBytes(size) };
  const pixels = info.width * info.height;
  const megapixels = `${info.width}×${info.height} (${(pixels / 1e6).toFixed(1)} MP, ${(sourceBytes / 2 ** 20).toFixed(1)} MB)`;
  // Bombs are refused outright: the Images binding has its own, lower, pixel limit.
  if (pixels > MAX_DECODE_PIXELS)
    throw new AppError("image_too_large", `The image is ${megapixels}; thumbnails are made from images up to ${MAX_DECODE_PIXELS / 1e6} MP.`);
  if (info.format === "heic" || info.format === "avif") {
    if (ctx.images) return binding;
    throw new AppError(
      "unsupported_media_type",
      `This is ${info.format === "heic" ? "a HEIC/HEIF" : "an AVIF"} image; such images are thumbnailed by the Cloudflare Images binding, which this deployment does not have (add \`[images] binding = "IMAGES"\` to wrangler.toml).`,
    );
  }
  const local = localPlan(info, sourceBytes, size);
  let refusal: string | undefined;
  if (local.path === "photon" && local.peakBytes > PHOTON_MAX_BYTES)
    refusal = `a ${info.format.toUpperCase()} is decoded whole and may take at most ${mb(PHOTON_MAX_BYTES)}; this one needs ${mb(local.peakBytes)}`;
  else if (local.peakBytes > ctx.capacity)
    refusal = `decoding it needs ${mb(local.peakBytes)}, more than the ${mb(ctx.capacity)} a thumbnail may use`;
  else if (local.peakBytes > ctx.available && ctx.images) return binding;
  if (refusal === undefined) return local;
  if (ctx.images) return binding;
  throw new AppError("image_too_large", `The image is ${megapixels}; ${refusal}.`);
}

function localPlan(info: ImageInfo, sourceBytes: number, size: number): Plan {
  const out = outputBytes(size);
  if (info.format === "jpeg") {
    const header = {
      width: info.width,
      height: info.height,
      components: info.components ?? 3,
      progressive: info.progressive ?? false,
      sampling: info.sampling,
    };
    // The codec pulls the source into wasm a chunk at a time, but the whole file sits in the JS heap meanwhile.
    return { path: "jpeg", peakBytes: jpegPeakBytes(header, size) + sourceBytes };
  }
  if (info.format === "png") {
    const rowBytes = info.width * 8 * 3; // png.wasm: two raw rows, an RGB row and 16-bit box sums, ≈ 25 B a pixel; STREAM_OVERHEAD covers the last byte
    const canvas = info.interlaced ? info.width * info.height * 3 : 0;
    return { path: "png", peakBytes: rowBytes + canvas + STREAM_OVERHEAD + out };
  }
  // photon's wasm memory, plus the file in the JS heap.
  return { path: "photon", peakBytes: photonWasmBytes(info, sourceBytes) + sourceBytes };
}

/** The thumbnail's pixels, its Lanczos buffers and the encoder's memory: small, but counted. */
function outputBytes(size: number): number {
  return size * size * 16 + 2 ** 20;
}
