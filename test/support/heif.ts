import { concat } from "./bytes";

/**
 * Builds the header of a HEIF/AVIF file (ftyp, then meta with pitm, iprp →
 * ipco + ipma), and no image data: enough for the probe, which reads only
 * these boxes. Each item lists its properties in the order ipma gives them.
 */
export type HeifProperty = ["ispe", number, number] | ["irot", number] | ["imir", number];

export interface HeifHeader {
  brand?: "avif" | "heic";
  /** The primary item's id; omitted, the file has no pitm. */
  primary?: number;
  items: Array<{ id: number; properties: HeifProperty[] }>;
  /** 32-bit item ids (pitm and ipma version 1) and 15-bit property indexes (ipma flags 1). */
  wide?: boolean;
}

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const u8 = (...values: number[]) => Uint8Array.from(values);
const u16 = (v: number) => u8(v >> 8, v & 255);
const u32 = (v: number) => u8(v >>> 24, (v >> 16) & 255, (v >> 8) & 255, v & 255);

function box(type: string, ...parts: Uint8Array[]): Uint8Array {
  const content = concat(parts);
  return concat([u32(8 + content.length), ascii(type), content]);
}

const fullBox = (type: string, version: number, flags: number, ...parts: Uint8Array[]) => box(type, u8(version, 0, 0, flags), ...parts);

export function heifHeader({ brand = "avif", primary, items, wide = false }: HeifHeader): Uint8Array {
  const properties: Uint8Array[] = [];
  const entries: Uint8Array[] = [];
  for (const item of items) {
    const indexes = item.properties.map((p) => {
      properties.push(p[0] === "ispe" ? fullBox("ispe", 0, 0, u32(p[1]), u32(p[2])) : box(p[0], u8(p[1])));
      return properties.length;
    });
    // The essential bit is set on transforms, as writers do.
    const index = (i: number, essential: boolean) => (wide ? u16(i | (essential ? 0x8000 : 0)) : u8(i | (essential ? 0x80 : 0)));
    entries.push(
      concat([wide ? u32(item.id) : u16(item.id), u8(indexes.length), ...indexes.map((i, n) => index(i, item.properties[n]![0] !== "ispe"))]),
    );
  }
  const version = wide ? 1 : 0;
  const pitm = primary === undefined ? [] : [fullBox("pitm", version, 0, wide ? u32(primary) : u16(primary))];
  const iprp = box("iprp", box("ipco", ...properties), fullBox("ipma", version, wide ? 1 : 0, u32(items.length), ...entries));
  const ftyp = box("ftyp", ascii(brand), u32(0), ascii("mif1"), ascii(brand));
  return concat([ftyp, fullBox("meta", 0, 0, fullBox("hdlr", 0, 0, u32(0), ascii("pict"), new Uint8Array(13)), ...pitm, iprp)]);
}
