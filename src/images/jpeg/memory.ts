/**
 * The memory model: the peak wasm memory of one jpegThumbnail call, predicted
 * from header facts, so admission control can refuse or queue a decode
 * before it starts. Fitted to peaks measured by scripts/bench/jpeg-memory.ts
 * and checked against real decodes in test/images/jpeg/memory.test.ts.
 */

import { scaledSize } from "../box";

export interface JpegHeaderFacts {
  width: number;
  height: number;
  components: number;
  progressive: boolean;
  /**
   * Each component's sampling factors [h, v] from the frame header. Without
   * them a progressive image is assumed not to subsample its chroma, the
   * worst case (a 4:2:0 photo needs half of that).
   */
  sampling?: ReadonlyArray<readonly [number, number]>;
}

const MiB = 1024 * 1024;
/** The module's initial memory: stack, static data, libjpeg's and the encoder's fixed structures. */
const BASE_BYTES = 1 * MiB;
/** libjpeg's per-decode working set rows (MCU rows of each component, upsampling, colour conversion) per byte of scaled row. */
const ROW_BUFFERS = 48;
const MARGIN = 1.15;

/** The smallest IDCT scale M (of 8) whose output still covers the target, as wrapper.c chooses it. */
export function jpegScale(width: number, height: number, maxSide: number): number {
  const { width: tw, height: th } = scaledSize(width, height, maxSide);
  let m = 1;
  while (m < 8 && (Math.ceil((width * m) / 8) < tw || Math.ceil((height * m) / 8) < th)) m++;
  return m;
}

/** The decode's peak wasm memory predicted from header facts (the memory model), for admission control. */
export function jpegPeakBytes(h: JpegHeaderFacts, maxSide: number): number {
  const m = jpegScale(h.width, h.height, maxSide);
  const scaledWidth = Math.ceil((h.width * m) / 8);
  const target = scaledSize(h.width, h.height, maxSide);
  const channels = h.components === 1 ? 1 : 3;
  const targetPixels = target.width * target.height;
  // Decoding: MCU-row buffers at the scaled width (16 rows per row group at most).
  const decode = ROW_BUFFERS * scaledWidth * Math.max(h.components, channels);
  // Resampling (float rows), the small image, its oriented copy, and the encoder's
  // coefficient buffer (optimised Huffman coding buffers the whole small image) and output.
  const resize = 12 * target.width * channels * 4 + 2 * targetPixels * channels;
  const encode = 2 * targetPixels * 1.5 * 2 + targetPixels;
  const coefficients = h.progressive ? coefficientBytes(h) : 0;
  return Math.ceil((BASE_BYTES + decode + resize + encode + coefficients) * MARGIN);
}

/** libjpeg's whole-image coefficient buffer: 64 coefficients × 2 bytes per 8×8 block of each component. */
function coefficientBytes(h: JpegHeaderFacts): number {
  const sampling = h.sampling ?? Array.from({ length: h.components }, () => [1, 1] as const);
  const hMax = Math.max(...sampling.map(([x]) => x));
  const vMax = Math.max(...sampling.map(([, y]) => y));
  let bytes = 0;
  for (const [hs, vs] of sampling) {
    // Blocks per component, rounded up to whole MCUs as libjpeg allocates them.
    const blocksWide = Math.ceil(Math.ceil((h.width * hs) / hMax / 8) / hs) * hs;
    const blocksHigh = Math.ceil(Math.ceil((h.height * vs) / vMax / 8) / vs) * vs;
    bytes += blocksWide * blocksHigh * 128;
  }
  return bytes;
}
