import { essence } from "../http/media-type";
import type { BlobView, Disposition } from "./view";

/**
 * Everything about how a browser will treat a blob: its Content-Type,
 * Content-Disposition and Content-Security-Policy. Blobs are user uploads
 * served from the API's own origin, so anything a browser could execute
 * (HTML, SVG, XML, scripts, unknown types) is only ever downloaded.
 */
const INLINE_IMAGES = new Set([
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "image/avif",
  "image/bmp",
  "image/x-icon",
  "image/vnd.microsoft.icon",
]);

export function isInlineSafe(mediaType: string): boolean {
  const type = essence(mediaType);
  return INLINE_IMAGES.has(type) || type === "application/pdf" || type === "text/plain" || /^(audio|video)\/[a-z0-9.+-]+$/.test(type);
}

// GitHub's raw-content policy: nothing loads, nothing runs, the document is sandboxed.
const SANDBOXED = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
// Chromium's PDF viewer refuses to render in a sandboxed document, so an inline
// PDF drops `sandbox` but still may load nothing but itself.
const PDF_INLINE = "default-src 'none'; style-src 'unsafe-inline'; object-src 'self'";

// A media document's <video>/<audio> element loads the blob itself: allow that one source, nothing else.
const MEDIA_INLINE = "default-src 'none'; media-src 'self'; style-src 'unsafe-inline'; sandbox";

export interface Presentation {
  contentType: string;
  disposition: Disposition;
  contentDisposition: string;
  contentSecurityPolicy: string;
}

/**
 * `view` is what the URL asked for; for a thumbnail, images/ has already set
 * its type and its filename's ending (derived.ts, thumbnailRepresentation).
 */
export function present(view: BlobView, storedType: string | undefined): Presentation {
  const contentType = view.contentType ?? storedType ?? "application/octet-stream";
  const safe = isInlineSafe(contentType);
  const disposition: Disposition = safe && view.disposition !== "attachment" ? "inline" : "attachment";
  return {
    contentType,
    disposition,
    contentDisposition: contentDisposition(disposition, view.filename),
    contentSecurityPolicy: disposition === "inline" ? inlinePolicy(essence(contentType)) : SANDBOXED,
  };
}

function inlinePolicy(type: string): string {
  if (type === "application/pdf") return PDF_INLINE;
  if (type.startsWith("audio/") || type.startsWith("video/")) return MEDIA_INLINE;
  return SANDBOXED;
}

/**
 * RFC 6266 with RFC 8187: a plain-ASCII `filename` for old clients and a
 * UTF-8 `filename*` when the name needs it. The name was already stripped
 * of control characters and separators (view.ts); quotes, backslashes and
 * percent signs are replaced in the ASCII fallback, and everything outside
 * attr-char is percent-encoded in `filename*`.
 */
export function contentDisposition(disposition: Disposition, filename: string | undefined): string {
  if (!filename) return disposition;
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const header = `${disposition}; filename="${fallback}"`;
  if (fallback === filename) return header;
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${header}; filename*=UTF-8''${encoded}`;
}
