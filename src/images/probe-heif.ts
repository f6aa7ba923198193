import { u32be } from "../blobs/bytes";
import type { ImageInfo } from "./probe";

/**
 * HEIF-family files (ISO/IEC 23008-12) open with an ISO-BMFF `ftyp` box whose
 * major and compatible brands name the codec: `avif`/`avis` for AV1 (AVIF),
 * `heic`/`heix`/`hevc`/`hevx`/`heim`/`heis` for HEVC (iPhone photos). `mif1`
 * and `msf1` only say "HEIF image/sequence"; alone they are taken as HEIC.
 */
const AVIF_BRANDS = new Set(["avif", "avis"]);
const HEIC_BRANDS = new Set(["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"]);

export function readHeif(b: Uint8Array): ImageInfo | undefined {
  const ftypSize = u32be(b, 0);
  if (ftypSize < 16 || ftypSize > Math.min(b.length, 4096)) return undefined;
  const brands: string[] = [];
  for (let at = 8; at + 4 <= ftypSize; at += 4) if (at !== 12) brands.push(String.fromCharCode(...b.subarray(at, at + 4)));
  const format = brands.some((brand) => AVIF_BRANDS.has(brand)) ? "avif" : brands.some((brand) => HEIC_BRANDS.has(brand)) ? "heic" : undefined;
  if (format === undefined) return undefined;
  const size = largestSpatialExtent(b);
  return { format, width: size?.width ?? 0, height: size?.height ?? 0, orientation: 1 };
}

/**
 * The image's size from its `ispe` (image spatial extent) properties, found
 * by scanning the bytes at hand rather than walking meta/iprp/ipco: a HEIC
 * holds one per item (the 512×512 grid tiles, the thumbnail and the grid
 * itself), and the largest is the primary image. Undefined if none is in
 * the prefix; the Images binding needs no size from us.
 */
function largestSpatialExtent(b: Uint8Array): { width: number; height: number } | undefined {
  let best: { width: number; height: number } | undefined;
  const end = Math.min(b.length, 65536) - 20;
  for (let at = 4; at <= end; at++) {
    // box: size(4) "ispe" version+flags(4) width(4) height(4)
    if (b[at] !== 0x69 || b[at + 1] !== 0x73 || b[at + 2] !== 0x70 || b[at + 3] !== 0x65 || u32be(b, at - 4) !== 20) continue;
    const width = u32be(b, at + 8);
    const height = u32be(b, at + 12);
    if (!best || width * height > best.width * best.height) best = { width, height };
  }
  return best;
}
