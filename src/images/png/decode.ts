import { u32be } from "../../blobs/bytes";
import { ChunkReader, corrupt } from "./chunks";
import { PngDecoder } from "./codec";
import { checkHeader, type PngHeader } from "./header";
import pngWasm from "./png.wasm";

/**
 * Decodes a PNG as it streams in and shrinks it to the size `target` picks
 * once the header is known: chunks are parsed as bytes arrive and the IDAT
 * data (one zlib stream across all IDAT chunks) goes straight into png.wasm,
 * which inflates it, un-filters and converts each row (flattened on white)
 * and reduces it as soon as it is complete, so memory holds a few rows, not
 * the image. An interlaced (Adam7) PNG cannot be reduced row by row; it is
 * gathered into one RGB canvas (3 bytes a pixel, which plan.ts budgets) first.
 *
 * The runtime's DecompressionStream is not used: zlib's inflate took most
 * of a large PNG's decode, twice what sharp (libspng, zlib-ng) needs for the
 * whole thumbnail, and the stream's per-write round trips added more.
 */
export async function decodePng(
  body: ReadableStream<Uint8Array>,
  target: (header: PngHeader) => { width: number; height: number },
): Promise<{ header: PngHeader; rgb: Uint8Array; width: number; height: number }> {
  const chunks = new ChunkReader(body.getReader());
  try {
    await chunks.skipSignature();
    const header = await readHeaderChunks(chunks);
    const { width, height } = target(header);
    const decoder = new PngDecoder(pngWasm, header, width, height);
    let length = header.firstIdat;
    for (;;) {
      for await (const piece of chunks.idatPieces(length)) {
        // Every row is in: what follows (the stream's end, other chunks) is not needed.
        if (decoder.write(piece)) return { header, rgb: decoder.end(), width, height };
      }
      const next = await chunks.next();
      if (next.type !== "IDAT") break;
      length = next.length;
    }
    return { header, rgb: decoder.end(), width, height };
  } finally {
    chunks.cancel();
  }
}

/** IHDR, then PLTE and tRNS, up to the first IDAT (whose header is consumed). */
async function readHeaderChunks(chunks: ChunkReader): Promise<PngHeader & { firstIdat: number }> {
  let header: PngHeader | undefined;
  for (;;) {
    const { type, length } = await chunks.next();
    if (type === "IDAT") {
      if (!header) throw corrupt("IDAT comes before IHDR");
      checkHeader(header);
      return { ...header, firstIdat: length };
    }
    if (type === "IHDR" || type === "PLTE" || type === "tRNS") {
      const data = await chunks.body(type, length);
      if (type === "IHDR") {
        if (length !== 13) throw corrupt("IHDR has the wrong length");
        header = { width: u32be(data, 0), height: u32be(data, 4), bitDepth: data[8]!, colorType: data[9]!, interlaced: data[12] === 1 };
      } else if (header) {
        header[type === "PLTE" ? "palette" : "transparency"] = data;
      }
    } else if (type === "IEND") {
      throw corrupt("the PNG has no image data");
    } else {
      await chunks.skip(length);
    }
  }
}
