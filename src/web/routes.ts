import { Hono } from "hono";
import type { AppEnv } from "../env";
import { apiDocsShell, pageShell } from "./shell";

/**
 * The page's own scripts and styles are files under src/web/assets, served by
 * Workers Static Assets before the worker runs; these routes answer the HTML.
 * Scripts come only from this origin; 'wasm-unsafe-eval' lets hash-wasm
 * compile its SHA-256 for large files; worker-src lets the page start its own
 * hashing thread (build/hash-worker.js) and nothing else. The shell changes with each deploy,
 * so browsers revalidate it (no-cache); blobs and thumbnails are immutable.
 */
const PAGE_CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
  "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
// Swagger UI styles some elements inline and shows its own data: images.
const DOCS_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
  "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const headers = (csp: string) => ({
  "Content-Security-Policy": csp,
  "Cache-Control": "no-cache",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
});

export const webRoutes = new Hono<AppEnv>()
  .get("/", (c) => c.html(pageShell(), 200, headers(PAGE_CSP)))
  .get("/parts/:key", (c) => c.html(pageShell(), 200, headers(PAGE_CSP)))
  .get("/console/:section", (c) => c.html(pageShell(), 200, headers(PAGE_CSP)))
  .get("/api/docs", (c) => c.html(apiDocsShell(), 200, headers(DOCS_CSP)));
