/**
 * Import first (before any worker module) in a Node script that runs worker
 * code importing .wasm files; the worker modules themselves must then be
 * imported dynamically, after this has run.
 */
import { register } from "node:module";

register("./wasm-hooks.mjs", import.meta.url);
