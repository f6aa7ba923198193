import { AppError } from "../../errors";

/** libjpeg's quality for thumbnails: q80 with 4:2:0 chroma, optimised Huffman tables. */
export const JPEG_QUALITY = 80;

export interface JpegThumbnail {
  jpeg: Uint8Array;
  width: number;
  height: number;
  /** bytes of wasm memory at the end of the call (memory never shrinks, so this is the peak) */
  peakBytes: number;
}

export interface EncodeOptions {
  quality?: number;
  /** Chroma subsampling; thumbnails use 4:2:0. */
  sampling?: "4:2:0" | "4:2:2" | "4:4:0" | "4:4:4";
  /** A restart marker every N MCU rows (0: none). */
  restartRows?: number;
  progressive?: boolean;
}

export interface JpegCodec {
  jpegThumbnail(source: Uint8Array, maxSide: number, orientation: number): JpegThumbnail;
  encodeJpeg(rgb: Uint8Array, width: number, height: number, quality?: number): Uint8Array;
  /** encodeJpeg with the encoder's other choices, for test images of every JPEG flavour. */
  encodeJpegWith(rgb: Uint8Array, width: number, height: number, options: EncodeOptions): Uint8Array;
}

/** Luma sampling factors (h, v) per chroma subsampling. */
const lumaSampling = { "4:2:0": [2, 2], "4:2:2": [2, 1], "4:4:0": [1, 2], "4:4:4": [1, 1] } as const;

interface Exports {
  memory: WebAssembly.Memory;
  _initialize(): void;
  thumb(maxSide: number, orientation: number, quality: number): number;
  encode(
    width: number,
    height: number,
    components: number,
    quality: number,
    lumaH: number,
    lumaV: number,
    restartRows: number,
    progressive: number,
  ): number;
  last_error_text(): number;
  last_error_was_out_of_memory(): number;
}

/**
 * The codec over a compiled jpeg.wasm. Each call gets a fresh instance (and
 * so fresh memory): a trap leaves libjpeg's state half-built and whatever it
 * had allocated leaked, and a memory that grew for one large image would
 * otherwise stay that large for the life of the isolate.
 */
export function createJpegCodec(module: WebAssembly.Module): JpegCodec {
  function encodeJpegWith(rgb: Uint8Array, width: number, height: number, options: EncodeOptions): Uint8Array {
    const { quality = JPEG_QUALITY, sampling = "4:2:0", restartRows = 0, progressive = false } = options;
    if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || width > 65500 || height > 65500) {
      throw new RangeError(`cannot encode a ${width}×${height} JPEG`);
    }
    if (rgb.length !== width * height * 3) throw new RangeError(`expected ${width * height * 3} bytes of RGB, got ${rgb.length}`);
    // The encoder pulls the pixels a row at a time through read_source.
    const wasm = instantiate(module, rgb);
    const [lumaH, lumaV] = lumaSampling[sampling];
    const at = call(wasm, () => wasm.exports.encode(width, height, 3, quality, lumaH, lumaV, restartRows, progressive ? 1 : 0));
    return readResult(wasm.exports, at).jpeg;
  }

  return {
    jpegThumbnail(source, maxSide, orientation) {
      if (!Number.isInteger(maxSide) || maxSide < 1) throw new RangeError(`maxSide must be a positive integer, got ${maxSide}`);
      const wasm = instantiate(module, source);
      const at = call(wasm, () => wasm.exports.thumb(maxSide, orientation, JPEG_QUALITY));
      return { ...readResult(wasm.exports, at), peakBytes: wasm.exports.memory.buffer.byteLength };
    },
    encodeJpeg(rgb, width, height, quality = JPEG_QUALITY) {
      return encodeJpegWith(rgb, width, height, { quality });
    },
    encodeJpegWith,
  };
}

interface Instance {
  exports: Exports;
}

function instantiate(module: WebAssembly.Module, source: Uint8Array): Instance {
  let offset = 0;
  let memory: WebAssembly.Memory | undefined;
  const bytes = (at: number, length: number) => new Uint8Array(memory!.buffer, at, length);
  const view = () => new DataView(memory!.buffer);
  const imports = {
    env: {
      // libjpeg's source manager pulls the file through this, a chunk at a time.
      read_source(at: number, capacity: number): number {
        const n = Math.min(capacity, source.length - offset);
        bytes(at, n).set(source.subarray(offset, offset + n));
        offset += n;
        return n;
      },
      emscripten_notify_memory_growth() {},
    },
    // libc links these in for stdio and getenv; libjpeg's messages go through
    // our own handler, so output is dropped and the environment is empty.
    wasi_snapshot_preview1: {
      proc_exit(code: number): never {
        throw new Error(`jpeg.wasm exited with ${code}`);
      },
      environ_sizes_get(count: number, size: number) {
        view().setUint32(count, 0, true);
        view().setUint32(size, 0, true);
        return 0;
      },
      environ_get: () => 0,
      fd_write(_fd: number, iovs: number, iovsLength: number, written: number) {
        let total = 0;
        for (let i = 0; i < iovsLength; i++) total += view().getUint32(iovs + i * 8 + 4, true);
        view().setUint32(written, total, true);
        return 0;
      },
      fd_close: () => 0,
      fd_seek: () => 70, // ESPIPE: nothing here is seekable
    },
  };
  const instance = new WebAssembly.Instance(module, imports) as unknown as Instance;
  memory = instance.exports.memory;
  instance.exports._initialize();
  return instance;
}

/** Runs `fn`, turning a trap into the error libjpeg recorded before it. */
function call(wasm: Instance, fn: () => number): number {
  try {
    return fn();
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (!(err instanceof WebAssembly.RuntimeError)) throw err;
    const reason = readCString(wasm.exports.memory, wasm.exports.last_error_text());
    if (wasm.exports.last_error_was_out_of_memory()) {
      throw new AppError("image_too_large", "The image needs more memory to decode than a thumbnail may use.");
    }
    throw new AppError("corrupt_image", `The image data is corrupt; no thumbnail can be made from it${reason ? ` (${reason})` : ""}.`);
  }
}

function readResult(exports: Exports, at: number) {
  const [jpegAt, length, width, height] = new Uint32Array(exports.memory.buffer, at, 4);
  return { jpeg: new Uint8Array(exports.memory.buffer, jpegAt!, length!).slice(), width: width!, height: height! };
}

function readCString(memory: WebAssembly.Memory, at: number): string {
  const bytes = new Uint8Array(memory.buffer, at);
  const end = bytes.indexOf(0);
  return new TextDecoder().decode(bytes.subarray(0, end < 0 ? 0 : Math.min(end, 200)));
}
