// hash-wasm's SHA-256-only browser build is a UMD (CommonJS) file: imported as a module, its
// exports object is the default export, in esbuild's bundle as in Node.
declare module "hash-wasm/dist/sha256.umd.min.js" {
  const hashWasm: { createSHA256: typeof import("hash-wasm").createSHA256 };
  export default hashWasm;
}
