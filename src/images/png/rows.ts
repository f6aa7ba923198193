import { corrupt } from "./chunks";

/** IHDR facts plus the palette and transparency a row converter needs. */
export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlaced: boolean;
  palette?: Uint8Array;
  transparency?: Uint8Array;
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

export function checkHeader(h: PngHeader): void {
  if (!DEPTHS[h.colorType]?.includes(h.bitDepth)) throw corrupt(`colour type ${h.colorType} with bit depth ${h.bitDepth} is not valid PNG`);
  if (h.colorType === 3 && !h.palette) throw corrupt("the palette image has no PLTE chunk");
}

/** Bytes per row of `width` pixels (without the filter-type byte), and the filter's byte distance. */
export function rowLayout(h: PngHeader, width: number): { rowBytes: number; bpp: number } {
  const bits = CHANNELS[h.colorType]! * h.bitDepth;
  return { rowBytes: Math.ceil((width * bits) / 8), bpp: Math.max(1, bits >> 3) };
}

/** Reverses one row's filter (PNG spec §9) in place, given the previous unfiltered row (zeros for the first). */
export function unfilter(type: number, cur: Uint8Array, prev: Uint8Array, bpp: number): void {
  const n = cur.length;
  switch (type) {
    case 0:
      return;
    case 1:
      for (let i = bpp; i < n; i++) cur[i] = (cur[i]! + cur[i - bpp]!) & 0xff;
      return;
    case 2:
      for (let i = 0; i < n; i++) cur[i] = (cur[i]! + prev[i]!) & 0xff;
      return;
    case 3:
      for (let i = 0; i < bpp; i++) cur[i] = (cur[i]! + (prev[i]! >> 1)) & 0xff;
      for (let i = bpp; i < n; i++) cur[i] = (cur[i]! + ((cur[i - bpp]! + prev[i]!) >> 1)) & 0xff;
      return;
    case 4:
      for (let i = 0; i < bpp; i++) cur[i] = (cur[i]! + prev[i]!) & 0xff;
      for (let i = bpp; i < n; i++) {
        const a = cur[i - bpp]!;
        const b = prev[i]!;
        const c = prev[i - bpp]!;
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        cur[i] = (cur[i]! + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 0xff;
      }
      return;
    default:
      throw corrupt(`a row has filter type ${type}`);
  }
}

/** a/255 of colour c over white, rounded: the flattening every thumbnail gets. */
const over = (c: number, a: number) => {
  const t = (255 - c) * a + 128;
  return 255 - ((t + (t >> 8)) >> 8);
};

/**
 * A function that turns one unfiltered row into packed 8-bit RGB flattened on
 * white. The common layouts (8-bit RGB, RGBA) get tight loops of their own;
 * 8-bit RGB without a transparent colour is returned as it is.
 */
export function rowConverter(h: PngHeader, width: number): (row: Uint8Array) => Uint8Array {
  const out = new Uint8Array(width * 3);
  const trns = h.transparency;
  const { colorType: type, bitDepth: depth } = h;
  if (type === 2 && depth === 8 && !trns) return (row) => row;
  if (type === 6 && depth === 8) {
    return (row) => {
      for (let x = 0, i = 0, o = 0; x < width; x++, i += 4, o += 3) {
        const a = row[i + 3]!;
        if (a === 255) {
          out[o] = row[i]!;
          out[o + 1] = row[i + 1]!;
          out[o + 2] = row[i + 2]!;
        } else {
          out[o] = over(row[i]!, a);
          out[o + 1] = over(row[i + 1]!, a);
          out[o + 2] = over(row[i + 2]!, a);
        }
      }
      return out;
    };
  }
  if (type === 3) {
    const lut = paletteLut(h.palette!, trns);
    const perByte = 8 / depth;
    const mask = (1 << depth) - 1;
    return (row) => {
      for (let x = 0, o = 0; x < width; x++, o += 3) {
        const index = depth === 8 ? row[x]! : (row[(x / perByte) | 0]! >> (8 - depth * ((x % perByte) + 1))) & mask;
        out[o] = lut[index * 3]!;
        out[o + 1] = lut[index * 3 + 1]!;
        out[o + 2] = lut[index * 3 + 2]!;
      }
      return out;
    };
  }
  const key = trns && (type === 0 || type === 2) ? colourKey(trns, type) : undefined;
  return (row) => {
    for (let x = 0, o = 0; x < width; x++, o += 3) {
      let r: number;
      let g: number;
      let b: number;
      let a = 255;
      if (type === 0 || type === 4) {
        const raw = sample(row, x * (type === 4 ? 2 : 1), depth);
        r = g = b = scale(raw, depth);
        if (type === 4) a = scale(sample(row, x * 2 + 1, depth), depth);
        else if (key && raw === key[0]) a = 0;
      } else {
        const ch = type === 6 ? 4 : 3;
        const raws = [sample(row, x * ch, depth), sample(row, x * ch + 1, depth), sample(row, x * ch + 2, depth)] as const;
        [r, g, b] = [scale(raws[0], depth), scale(raws[1], depth), scale(raws[2], depth)];
        if (type === 6) a = scale(sample(row, x * 4 + 3, depth), depth);
        else if (key && raws[0] === key[0] && raws[1] === key[1] && raws[2] === key[2]) a = 0;
      }
      out[o] = a === 255 ? r : over(r, a);
      out[o + 1] = a === 255 ? g : over(g, a);
      out[o + 2] = a === 255 ? b : over(b, a);
    }
    return out;
  };
}

/** The n-th sample of a row at any bit depth, unscaled. */
function sample(row: Uint8Array, n: number, depth: number): number {
  if (depth === 8) return row[n]!;
  if (depth === 16) return (row[n * 2]! << 8) | row[n * 2 + 1]!;
  const perByte = 8 / depth;
  return (row[(n / perByte) | 0]! >> (8 - depth * ((n % perByte) + 1))) & ((1 << depth) - 1);
}

function scale(value: number, depth: number): number {
  if (depth === 8) return value;
  if (depth === 16) return (value * 255 + 32895) >>> 16;
  return Math.round((value * 255) / ((1 << depth) - 1));
}

/** tRNS for gray/RGB: the one 16-bit sample value (per channel) that is fully transparent. */
function colourKey(trns: Uint8Array, type: number): number[] {
  const n = type === 0 ? 1 : 3;
  return Array.from({ length: n }, (_, i) => ((trns[i * 2] ?? 0) << 8) | (trns[i * 2 + 1] ?? 0));
}

/** The palette's colours already flattened on white by their tRNS alpha. */
function paletteLut(palette: Uint8Array, trns: Uint8Array | undefined): Uint8Array {
  const lut = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) {
    const a = trns?.[i] ?? 255;
    for (let c = 0; c < 3; c++) lut[i * 3 + c] = over(palette[i * 3 + c] ?? 0, a);
  }
  return lut;
}
