import { u32be } from "../../blobs/bytes";
import { AppError } from "../../errors";
import { ADAM7, scatterPass } from "./adam7";
import { ChunkReader, corrupt } from "./chunks";
import { checkHeader, type PngHeader, rowConverter, rowLayout, unfilter } from "./rows";

/** Receives the image's rows, top to bottom, as packed 8-bit RGB already flattened on white. */
export interface RowSink {
  push(rgb: Uint8Array): void;
}

/**
 * Decodes a PNG as it streams in: chunks are parsed as bytes arrive, the IDAT
 * data is inflated by the runtime's native DecompressionStream (the zlib
 * stream spans all IDAT chunks), and each row is un-filtered and handed to
 * `sink` as soon as it is complete, so memory holds two rows, not the image.
 * An interlaced (Adam7) PNG cannot be emitted row by row; it is decoded into
 * one RGB canvas (3 bytes a pixel, which plan.ts budgets) and then emitted.
 */
export async function decodePng(body: ReadableStream<Uint8Array>, sink: (header: PngHeader) => RowSink): Promise<PngHeader> {
  const chunks = new ChunkReader(body.getReader());
  try {
    await chunks.skipSignature();
    const header = await readHeaderChunks(chunks);
    const target = sink(header);
    const rows = header.interlaced ? interlacedRows(header, target) : sequentialRows(header, target);
    await inflateInto(chunks, header.firstIdat, rows);
    if (!rows.done()) throw corrupt("the image data ends before its last row");
    return header;
  } finally {
    chunks.cancel();
  }
}

interface RowAssembler {
  /** Takes the next piece of inflated data. */
  add(data: Uint8Array): void;
  done(): boolean;
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

/**
 * Compressed bytes handed to the inflater per write. Encoders cut the zlib
 * stream into small IDAT chunks (libpng and libvips: 8 KB), and each write
 * costs a round trip through the stream machinery (in Node, a hop to the
 * zlib thread): writing 8 KB pieces made inflating a 12 MP PNG take twice
 * as long as writing 64 KB ones. Not more: workerd's DecompressionStream
 * inflates a whole write at once with no backpressure, and deflate expands
 * up to 1032×, so this also bounds one write's output (64 MB at worst, the
 * same as a 64 KB network chunk inside one large IDAT always could).
 */
const INFLATE_WRITE_BYTES = 64 * 1024;

/**
 * Feeds every IDAT's data to the inflater while reading its output: the two
 * run concurrently, since the inflater stops taking input while its output
 * is unread.
 */
async function inflateInto(chunks: ChunkReader, firstIdat: number, rows: RowAssembler): Promise<void> {
  const inflater = new DecompressionStream("deflate");
  const writer = inflater.writable.getWriter();
  const reader = inflater.readable.getReader();
  const feeding = (async () => {
    try {
      let batch = new Uint8Array(INFLATE_WRITE_BYTES);
      let filled = 0;
      let length = firstIdat;
      for (;;) {
        for await (const piece of chunks.idatPieces(length)) {
          for (let at = 0; at < piece.length; ) {
            const n = Math.min(piece.length - at, batch.length - filled);
            batch.set(piece.subarray(at, at + n), filled);
            filled += n;
            at += n;
            if (filled === batch.length) {
              // A fresh buffer each time: the inflater may still hold the one just written.
              await writer.write(batch);
              batch = new Uint8Array(INFLATE_WRITE_BYTES);
              filled = 0;
            }
          }
        }
        const next = await chunks.next();
        if (next.type !== "IDAT") break;
        length = next.length;
      }
      if (filled > 0) await writer.write(batch.subarray(0, filled));
      await writer.close();
    } catch (err) {
      await writer.abort(err).catch(() => {});
      throw err;
    }
  })();
  feeding.catch(() => {});
  const failed = (err: unknown) => corrupt(`the compressed image data is corrupt (${err instanceof Error ? err.message : String(err)})`);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      rows.add(value);
    }
  } catch (err) {
    // Unblock a feeder waiting on a full inflater, then prefer its reason (a truncated
    // or corrupt chunk) over the inflater's, and a row's own error over both.
    await reader.cancel().catch(() => {});
    if (err instanceof AppError) throw err;
    await feeding.catch((fed: unknown) => {
      if (fed instanceof AppError) throw fed;
    });
    throw failed(err);
  }
  await feeding.catch((err: unknown) => {
    throw err instanceof AppError ? err : failed(err);
  });
}

/** Splits inflated bytes into filter byte + row, un-filters each and passes it on. */
function rowSplitter(rowBytes: number, bpp: number, rowCount: number, onRow: (row: Uint8Array) => void) {
  let cur = new Uint8Array(rowBytes);
  let prev = new Uint8Array(rowBytes);
  let filter = -1;
  let filled = 0;
  let rows = 0;
  return {
    add(data: Uint8Array): number {
      let at = 0;
      while (at < data.length && rows < rowCount) {
        if (filter < 0) {
          filter = data[at++]!;
          continue;
        }
        const n = Math.min(rowBytes - filled, data.length - at);
        cur.set(data.subarray(at, at + n), filled);
        filled += n;
        at += n;
        if (filled === rowBytes) {
          unfilter(filter, cur, prev, bpp);
          onRow(cur);
          [cur, prev] = [prev, cur];
          filter = -1;
          filled = 0;
          rows++;
        }
      }
      return at;
    },
    get rows() {
      return rows;
    },
  };
}

function sequentialRows(header: PngHeader, sink: RowSink): RowAssembler {
  const { rowBytes, bpp } = rowLayout(header, header.width);
  const convert = rowConverter(header, header.width);
  const splitter = rowSplitter(rowBytes, bpp, header.height, (row) => sink.push(convert(row)));
  return {
    add: (data) => void splitter.add(data),
    done: () => splitter.rows === header.height,
  };
}

function interlacedRows(header: PngHeader, sink: RowSink): RowAssembler {
  const { width, height } = header;
  const canvas = new Uint8Array(width * height * 3);
  let pass = -1;
  let splitter: ReturnType<typeof rowSplitter> | undefined;
  let finished = false;
  const nextPass = () => {
    for (pass++; pass < ADAM7.length; pass++) {
      const p = ADAM7[pass]!;
      const pw = Math.ceil((width - p.x) / p.dx);
      const ph = Math.ceil((height - p.y) / p.dy);
      if (pw <= 0 || ph <= 0) continue; // an empty pass has no bytes at all
      const { rowBytes, bpp } = rowLayout(header, pw);
      const convert = rowConverter(header, pw);
      let y = 0;
      splitter = rowSplitter(rowBytes, bpp, ph, (row) => scatterPass(canvas, width, p, y++, convert(row)));
      return;
    }
    splitter = undefined;
    finished = true;
    for (let y = 0; y < height; y++) sink.push(canvas.subarray(y * width * 3, (y + 1) * width * 3));
  };
  nextPass();
  return {
    add(data) {
      let at = 0;
      while (splitter && at < data.length) {
        at += splitter.add(data.subarray(at));
        if (splitter.rows === Math.ceil((height - ADAM7[pass]!.y) / ADAM7[pass]!.dy)) nextPass();
      }
    },
    done: () => finished,
  };
}
