import { AppError } from "../../errors";
import { corrupt } from "./chunks";
import type { PngHeader } from "./header";

interface Exports {
  memory: WebAssembly.Memory;
  _initialize(): void;
  png_begin(
    width: number,
    height: number,
    depth: number,
    colour: number,
    interlaced: number,
    palette: number,
    paletteLength: number,
    trns: number,
    trnsLength: number,
    targetWidth: number,
    targetHeight: number,
  ): number;
  png_alloc(n: number): number;
  png_input(): number;
  png_input_room(): number;
  png_feed(n: number, last: number): number;
  png_output(): number;
  png_error(): number;
  png_bad_filter(): number;
}

/** What png_begin and png_feed return (png.c). */
const MORE = 0;
const DONE = 1;
const CORRUPT_DATA = -1;
const BAD_FILTER = -2;
const ENDS_EARLY = -3;
const NO_MEMORY = -5;

/**
 * One PNG decode in png.wasm (png.c, inflate.c): IDAT bytes go in as they
 * arrive, the thumbnail's RGB pixels come out. A fresh instance each time,
 * like the JPEG codec: its memory (a few rows, or an interlaced image's
 * canvas) goes with it, and nothing a corrupt file did can outlive it.
 */
export class PngDecoder {
  private readonly wasm: Exports;
  /** Bytes written at png_input() and not yet fed. */
  private pending = 0;
  private finished = false;

  constructor(
    module: WebAssembly.Module,
    header: PngHeader,
    readonly width: number,
    readonly height: number,
  ) {
    const instance = new WebAssembly.Instance(module, { env: { emscripten_notify_memory_growth() {} } });
    this.wasm = instance.exports as unknown as Exports;
    this.wasm._initialize();
    const copy = (bytes: Uint8Array | undefined) => {
      if (!bytes?.length) return 0;
      const at = this.wasm.png_alloc(bytes.length);
      if (at === 0) throw tooLarge();
      this.bytes().set(bytes, at);
      return at;
    };
    const { palette, transparency: trns } = header;
    const status = this.wasm.png_begin(
      header.width,
      header.height,
      header.bitDepth,
      header.colorType,
      header.interlaced ? 1 : 0,
      copy(palette),
      palette?.length ?? 0,
      copy(trns),
      trns?.length ?? 0,
      width,
      height,
    );
    if (status !== 0) throw this.failure(status);
  }

  /** Takes the next compressed bytes; true once every row is in (the rest of the data is not needed). */
  write(data: Uint8Array): boolean {
    for (let at = 0; at < data.length && !this.finished; ) {
      const room = this.wasm.png_input_room() - this.pending;
      const n = Math.min(room, data.length - at);
      this.bytes().set(data.subarray(at, at + n), this.wasm.png_input() + this.pending);
      this.pending += n;
      at += n;
      if (n === room) this.feed(0);
    }
    return this.finished;
  }

  /** The IDAT chunks have ended: decodes what is left and returns the thumbnail's packed RGB. */
  end(): Uint8Array {
    if (!this.finished) this.feed(1);
    if (!this.finished) throw corrupt("the image data ends before its last row");
    const at = this.wasm.png_output();
    if (at === 0) throw tooLarge();
    return this.bytes().slice(at, at + this.width * this.height * 3);
  }

  private feed(last: number): void {
    const status = this.wasm.png_feed(this.pending, last);
    this.pending = 0;
    if (status === DONE) this.finished = true;
    else if (status !== MORE) throw this.failure(status);
  }

  private failure(status: number): AppError {
    if (status === NO_MEMORY) return tooLarge();
    if (status === BAD_FILTER) return corrupt(`a row has filter type ${this.wasm.png_bad_filter()}`);
    if (status === ENDS_EARLY) return corrupt("the image data ends before its last row");
    const reason = readCString(this.bytes(), this.wasm.png_error());
    return corrupt(status === CORRUPT_DATA ? `the compressed image data is corrupt (${reason})` : reason);
  }

  /** A view of the memory as it is now (it is replaced whenever the memory grows). */
  private bytes(): Uint8Array {
    return new Uint8Array(this.wasm.memory.buffer);
  }
}

function tooLarge(): AppError {
  return new AppError("image_too_large", "The image needs more memory to decode than a thumbnail may use.");
}

function readCString(memory: Uint8Array, at: number): string {
  if (at === 0) return "";
  const end = memory.indexOf(0, at);
  return new TextDecoder().decode(memory.subarray(at, end < 0 ? at : Math.min(end, at + 200)));
}
