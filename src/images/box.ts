/**
 * A thumbnail's size, the one rule every path follows: the JPEG codec
 * (wrapper.c's target_size, which this mirrors operation for operation), the
 * PNG and photon paths, and the box handed to the Images binding. So a
 * thumbnail's size never depends on which path made it.
 */
export interface Box {
  width: number;
  height: number;
}

/**
 * The stored (pre-orientation) size scaled so its longest side is `maxSide`,
 * never enlarged, each side at least 1: floor(n·maxSide/longest + 0.5), the
 * same double arithmetic as the C. (Scaling by maxSide/longest first rounds
 * twice and lands a pixel short on some sizes: 220×165 → 150×112, not 113.)
 */
export function scaledSize(width: number, height: number, maxSide: number): Box {
  const longest = Math.max(width, height);
  if (longest <= maxSide) return { width, height };
  const scaled = (n: number) => Math.max(1, Math.floor((n * maxSide) / longest + 0.5));
  return { width: scaled(width), height: scaled(height) };
}

/** True when an EXIF orientation (5-8: transpose, 90° CW, transverse, 90° CCW) turns the picture a quarter. */
export function swapsSides(orientation: number): boolean {
  return orientation >= 5 && orientation <= 8;
}

/**
 * The thumbnail as it is displayed: the scaled size, its sides swapped when
 * the orientation (EXIF, or HEIF's irot/imir as probe-heif.ts maps them)
 * turns the picture a quarter. The same box the local paths produce.
 */
export function thumbnailBox(source: { width: number; height: number; orientation: number }, maxSide: number): Box {
  const { width, height } = scaledSize(source.width, source.height, maxSide);
  return swapsSides(source.orientation) ? { width: height, height: width } : { width, height };
}
