import { corrupt } from "./chunks";

/** IHDR facts plus the palette and transparency the decoder needs. */
export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlaced: boolean;
  palette?: Uint8Array;
  transparency?: Uint8Array;
}

const DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

export function checkHeader(h: PngHeader): void {
  if (!DEPTHS[h.colorType]?.includes(h.bitDepth)) throw corrupt(`colour type ${h.colorType} with bit depth ${h.bitDepth} is not valid PNG`);
  if (h.colorType === 3 && !h.palette) throw corrupt("the palette image has no PLTE chunk");
}
