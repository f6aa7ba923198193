// The SHA-256-only browser build of hash-wasm exports the same createSHA256 as its index.
declare module "hash-wasm/dist/sha256.umd.min.js" {
  export { createSHA256 } from "hash-wasm";
}
