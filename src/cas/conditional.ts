/**
 * Conditional and range request rules (RFC 9110 §13 and §14) for
 * representations whose ETag is known from the URL alone.
 */

/**
 * If-None-Match uses weak comparison (§13.1.2): `W/"x"` matches `"x"`. `*`
 * means "any current representation" and so is decided by the caller, who
 * must know whether the blob exists; it is not a match here.
 */
export function ifNoneMatchHits(header: string | null, etag: string): boolean {
  if (header === null) return false;
  for (const tag of header.split(",")) {
    if (tag.trim().replace(/^W\//, "") === etag) return true;
  }
  return false;
}

export function ifNoneMatchIsStar(header: string | null): boolean {
  return header?.trim() === "*";
}

export type ByteRange = { start: number; end?: number } | { suffix: number };

/**
 * The single byte range to serve, or null for a full response. Per §14.2 an
 * invalid or multi-range header is ignored (we do not send multipart), and a
 * Range guarded by If-Range only counts when If-Range is our strong ETag;
 * a date can never match because blobs carry no Last-Modified.
 */
export function requestedRange(headers: Headers, etag: string): ByteRange | null {
  const range = headers.get("Range");
  if (range === null) return null;
  const ifRange = headers.get("If-Range");
  if (ifRange !== null && ifRange.trim() !== etag) return null;
  return parseRange(range);
}

export function parseRange(header: string): ByteRange | null {
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) return null;
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return null;
  if (first === "") return { suffix: safeInt(last) };
  const start = safeInt(first);
  if (last === "") return { start };
  const end = safeInt(last);
  return end >= start ? { start, end } : null;
}

function safeInt(digits: string): number {
  // Digits beyond 2^53 cannot address a real blob; clamp so arithmetic stays exact.
  return Math.min(Number(digits), Number.MAX_SAFE_INTEGER);
}

/** The inclusive byte span a range selects in a blob of `size` bytes, or null if unsatisfiable (§14.1.1). */
export function resolveRange(range: ByteRange, size: number): { start: number; end: number } | null {
  if ("suffix" in range) {
    if (range.suffix === 0 || size === 0) return null;
    return { start: Math.max(0, size - range.suffix), end: size - 1 };
  }
  if (range.start >= size) return null;
  return { start: range.start, end: Math.min(range.end ?? size - 1, size - 1) };
}

export function rangeHeaderValue(range: ByteRange): string {
  return "suffix" in range ? `bytes=-${range.suffix}` : `bytes=${range.start}-${range.end ?? ""}`;
}
