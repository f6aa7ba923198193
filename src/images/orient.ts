/**
 * Applies EXIF orientation (1-8: identity, mirror, 180°, flip, transpose,
 * 90° CW, transverse, 90° CCW) to packed RGB. It runs on the small result,
 * where it costs next to nothing.
 */
export function orientRgb(rgb: Uint8Array, w: number, h: number, orientation: number) {
  if (orientation <= 1 || orientation > 8) return { pixels: rgb, width: w, height: h };
  const transposed = orientation >= 5;
  const outW = transposed ? h : w;
  const outH = transposed ? w : h;
  const out = new Uint8Array(outW * outH * 3);
  for (let y = 0; y < outH; y++) {
    for (let x = 0; x < outW; x++) {
      const [sx, sy] = sourceOf(x, y, w, h, orientation);
      const s = (sy * w + sx) * 3;
      const d = (y * outW + x) * 3;
      out[d] = rgb[s]!;
      out[d + 1] = rgb[s + 1]!;
      out[d + 2] = rgb[s + 2]!;
    }
  }
  return { pixels: out, width: outW, height: outH };
}

/** RGBA composited onto white, as packed RGB. */
export function flattenRgba(rgba: Uint8Array): Uint8Array {
  const out = new Uint8Array((rgba.length / 4) * 3);
  for (let s = 0, d = 0; s < rgba.length; s += 4, d += 3) {
    const a = rgba[s + 3]!;
    for (let c = 0; c < 3; c++) {
      const t = (255 - rgba[s + c]!) * a + 128;
      out[d + c] = a === 255 ? rgba[s + c]! : 255 - ((t + (t >> 8)) >> 8);
    }
  }
  return out;
}

/** Which stored pixel lands at displayed (x, y), per the EXIF orientation tag. */
function sourceOf(x: number, y: number, w: number, h: number, orientation: number): [number, number] {
  switch (orientation) {
    case 2:
      return [w - 1 - x, y];
    case 3:
      return [w - 1 - x, h - 1 - y];
    case 4:
      return [x, h - 1 - y];
    case 5:
      return [y, x];
    case 6:
      return [y, h - 1 - x];
    case 7:
      return [w - 1 - y, h - 1 - x];
    case 8:
      return [w - 1 - y, x];
    default:
      return [x, y];
  }
}
