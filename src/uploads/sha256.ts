import { hex } from "../blobs/bytes";
import sha256Wasm from "./sha256.wasm";

/**
 * SHA-256 whose running state can be saved between requests and loaded
 * into another isolate: the state after part n is stored with the upload
 * session, so part n + 1 continues the same digest without reading part n
 * again. WebCrypto's digest cannot be suspended this way.
 *
 * The binary is hash-wasm's own SHA-256 build (scripts/extract-sha256-wasm.ts
 * writes it); this file does what hash-wasm's WASMInterface does, but from a
 * module compiled at deploy time, because Workers refuse to compile
 * WebAssembly from bytes at run time. The saved form is hash-wasm's: a
 * 4-byte binary id, then the C struct, so a state written by another build
 * is refused instead of producing a wrong digest.
 */
interface Sha256Exports {
  memory: WebAssembly.Memory;
  Hash_GetBuffer(): number;
  Hash_Init(bits: number): void;
  Hash_Update(length: number): void;
  Hash_Final(): void;
  Hash_GetState(): number;
  STATE_SIZE: WebAssembly.Global;
}

/** hash-wasm 4.13.0's id for this binary (the first bytes of its SHA-1). */
const BINARY_ID = new Uint8Array([0x8e, 0xd6, 0x95, 0xa3]);
/** The input window the C code reads from (hash-wasm's MAX_HEAP). */
const WINDOW = 16 * 1024;

export class ResumableSha256 {
  readonly #exports: Sha256Exports;
  readonly #window: Uint8Array;

  private constructor(exports: Sha256Exports) {
    this.#exports = exports;
    this.#window = new Uint8Array(exports.memory.buffer, exports.Hash_GetBuffer(), WINDOW);
  }

  /** A fresh digest, or one continuing from a state `save()` returned. */
  static async start(saved?: Uint8Array): Promise<ResumableSha256> {
    const instance = await WebAssembly.instantiate(sha256Wasm);
    const hasher = new ResumableSha256(instance.exports as unknown as Sha256Exports);
    hasher.#exports.Hash_Init(256);
    if (saved) hasher.#load(saved);
    return hasher;
  }

  update(bytes: Uint8Array): void {
    for (let offset = 0; offset < bytes.length; offset += WINDOW) {
      const chunk = bytes.subarray(offset, offset + WINDOW);
      this.#window.set(chunk);
      this.#exports.Hash_Update(chunk.length);
    }
  }

  save(): Uint8Array {
    const state = this.#state();
    const saved = new Uint8Array(BINARY_ID.length + state.length);
    saved.set(BINARY_ID);
    saved.set(state, BINARY_ID.length);
    return saved;
  }

  /** The digest as lowercase hex; the hasher is spent afterwards. */
  digestHex(): string {
    this.#exports.Hash_Final();
    return hex(this.#window.subarray(0, 32));
  }

  #state(): Uint8Array {
    const view = new DataView(this.#exports.memory.buffer);
    const size = view.getUint32(this.#exports.STATE_SIZE.value as number, true);
    return new Uint8Array(this.#exports.memory.buffer, this.#exports.Hash_GetState(), size);
  }

  #load(saved: Uint8Array): void {
    const state = this.#state();
    const fromThisBinary = BINARY_ID.every((b, i) => saved[i] === b);
    if (saved.length !== BINARY_ID.length + state.length || !fromThisBinary) {
      throw new Error("This SHA-256 state was written by another hashing build.");
    }
    state.set(saved.subarray(BINARY_ID.length));
  }
}
