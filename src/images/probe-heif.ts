import { u16be, u32be } from "../blobs/bytes";
import type { ImageInfo } from "./probe";

/**
 * HEIF-family files (ISO/IEC 23008-12) open with an ISO-BMFF `ftyp` box whose
 * major and compatible brands name the codec: `avif`/`avis` for AV1 (AVIF),
 * `heic`/`heix`/`hevc`/`hevx`/`heim`/`heis` for HEVC (iPhone photos). `mif1`
 * and `msf1` only say "HEIF image/sequence"; alone they are taken as HEIC.
 */
const AVIF_BRANDS = new Set(["avif", "avis"]);
const HEIC_BRANDS = new Set(["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"]);

/** Where the probe looks for the `meta` box: it sits before the image data in every camera's and encoder's files. */
const META_WINDOW = 65536;

export function readHeif(b: Uint8Array): ImageInfo | undefined {
  const ftypSize = u32be(b, 0);
  if (ftypSize < 16 || ftypSize > Math.min(b.length, 4096)) return undefined;
  const brands: string[] = [];
  for (let at = 8; at + 4 <= ftypSize; at += 4) if (at !== 12) brands.push(String.fromCharCode(...b.subarray(at, at + 4)));
  const format = brands.some((brand) => AVIF_BRANDS.has(brand)) ? "avif" : brands.some((brand) => HEIC_BRANDS.has(brand)) ? "heic" : undefined;
  if (format === undefined) return undefined;
  const window = b.subarray(0, META_WINDOW);
  const primary = primaryItem(window);
  if (primary) return { format, ...primary };
  const size = largestSpatialExtent(window);
  return { format, width: size?.width ?? 0, height: size?.height ?? 0, orientation: 1 };
}

interface Box {
  type: string;
  /** Where its content starts and ends (the end clipped to the bytes at hand). */
  start: number;
  end: number;
}

/** The boxes laid end to end in b[from, to): size(4) type(4), or size 1 and a 64-bit size after the type, or 0 for "to the end". */
function boxes(b: Uint8Array, from: number, to: number): Box[] {
  const found: Box[] = [];
  for (let at = from; at + 8 <= to; ) {
    let size = u32be(b, at);
    let header = 8;
    if (size === 1) {
      if (at + 16 > to) break;
      size = u32be(b, at + 8) * 2 ** 32 + u32be(b, at + 12);
      header = 16;
    } else if (size === 0) size = to - at;
    if (size < header) break;
    found.push({ type: String.fromCharCode(...b.subarray(at + 4, at + 8)), start: at + header, end: Math.min(at + size, to) });
    at += size;
  }
  return found;
}

const child = (b: Uint8Array, parent: Box | undefined, type: string, skip = 0) =>
  parent && boxes(b, parent.start + skip, parent.end).find((box) => box.type === type);

/**
 * The primary item's stored size (its `ispe`) and how it is displayed (its
 * `irot` and `imir`, in the order its `ipma` entry lists them), walking
 * meta → pitm, iprp → ipco + ipma. A portrait iPhone photo is a landscape
 * grid with irot 3 (270° anticlockwise). Undefined when any of it is missing.
 */
function primaryItem(b: Uint8Array): Pick<ImageInfo, "width" | "height" | "orientation"> | undefined {
  const meta = boxes(b, 0, b.length).find((box) => box.type === "meta");
  const pitm = child(b, meta, "pitm", 4); // meta and pitm are FullBoxes: version(1) flags(3) first
  const iprp = child(b, meta, "iprp", 4);
  const ipco = child(b, iprp, "ipco");
  if (!pitm || !iprp || !ipco || pitm.start + 6 > pitm.end) return undefined;
  const primary = b[pitm.start] === 0 ? u16be(b, pitm.start + 4) : pitm.start + 8 <= pitm.end ? u32be(b, pitm.start + 4) : -1;
  const properties = boxes(b, ipco.start, ipco.end);
  let size: { width: number; height: number } | undefined;
  let turn = { mirrored: false, quarters: 0 };
  for (const index of associations(b, iprp, primary)) {
    const property = properties[index - 1];
    if (!property || property.start >= property.end) continue;
    if (property.type === "ispe" && property.start + 12 <= property.end)
      size = { width: u32be(b, property.start + 4), height: u32be(b, property.start + 8) };
    // irot: anticlockwise quarter turns in the low 2 bits; imir: mirrored about the vertical (0) or horizontal (1) axis.
    else if (property.type === "irot") turn = then(turn, { mirrored: false, quarters: (4 - (b[property.start]! & 3)) % 4 });
    else if (property.type === "imir") turn = then(turn, { mirrored: true, quarters: (b[property.start]! & 1) * 2 });
  }
  if (!size) return undefined;
  return { ...size, orientation: turn.mirrored ? [2, 7, 4, 5][turn.quarters]! : [1, 6, 3, 8][turn.quarters]! };
}

/**
 * The ipco indexes (1-based) the ipma boxes associate with item `id`, in
 * order: per entry an item id (16 bits, 32 from version 1), a count, and
 * that many indexes of 7 bits (15 when flags bit 0 is set) under an
 * "essential" bit.
 */
function associations(b: Uint8Array, iprp: Box, id: number): number[] {
  const indexes: number[] = [];
  for (const ipma of boxes(b, iprp.start, iprp.end).filter((box) => box.type === "ipma")) {
    const version = b[ipma.start]!;
    const wide = (b[ipma.start + 3]! & 1) === 1;
    let at = ipma.start + 8;
    const count = ipma.start + 8 <= ipma.end ? u32be(b, ipma.start + 4) : 0;
    for (let entry = 0; entry < count; entry++) {
      const idBytes = version < 1 ? 2 : 4;
      if (at + idBytes + 1 > ipma.end) break;
      const item = version < 1 ? u16be(b, at) : u32be(b, at);
      const n = b[at + idBytes]!;
      at += idBytes + 1;
      if (at + n * (wide ? 2 : 1) > ipma.end) break;
      for (let i = 0; i < n; i++, at += wide ? 2 : 1) if (item === id) indexes.push(wide ? u16be(b, at) & 0x7fff : b[at]! & 0x7f);
    }
  }
  return indexes;
}

/**
 * Display transforms as "mirror left-right (or not), then turn clockwise by
 * quarters", the form EXIF orientations take (2, 7, 4, 5 mirrored; 1, 6, 3, 8
 * not). Mirroring after a turn is mirroring before the opposite turn.
 */
interface Turn {
  mirrored: boolean;
  quarters: number;
}
function then(first: Turn, second: Turn): Turn {
  const quarters = ((second.mirrored ? 4 - first.quarters : first.quarters) + second.quarters) % 4;
  return { mirrored: first.mirrored !== second.mirrored, quarters };
}

/**
 * When the item structure is not all there (or not well formed), the size
 * from the largest `ispe` (image spatial extent) in the bytes at hand: a HEIC
 * holds one per item (the 512×512 grid tiles, the thumbnail and the grid
 * itself), and the largest is the primary image. Undefined if none is in the
 * window; the Images binding needs no size from us.
 */
function largestSpatialExtent(b: Uint8Array): { width: number; height: number } | undefined {
  let best: { width: number; height: number } | undefined;
  const end = b.length - 20;
  for (let at = 4; at <= end; at++) {
    // box: size(4) "ispe" version+flags(4) width(4) height(4)
    if (b[at] !== 0x69 || b[at + 1] !== 0x73 || b[at + 2] !== 0x70 || b[at + 3] !== 0x65 || u32be(b, at - 4) !== 20) continue;
    const width = u32be(b, at + 8);
    const height = u32be(b, at + 12);
    if (!best || width * height > best.width * best.height) best = { width, height };
  }
  return best;
}
