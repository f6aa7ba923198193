/**
 * Reads back the Server-Timing the CAS path sets (src/cas/serve.ts,
 * src/images/derived.ts): `cache;desc=hit|miss|revalidated`, and on a
 * thumbnail made in this request its steps (`probe;dur=…, decode;dur=…;desc=<path>,
 * resize;dur=…, encode;dur=…, r2-read;dur=…, r2-write;dur=…`). The hot
 * path already builds this header, so the log and the metrics take their
 * figures from it instead of adding a channel of their own.
 */
export interface TimingFacts {
  cache: string | null;
  /** Sum of the thumbnail's steps, or null when no thumbnail was made. */
  thumbnailMs: number | null;
}

const THUMBNAIL_STEPS = new Set(["probe", "decode", "resize", "encode", "r2-read", "r2-write"]);

export function readServerTiming(header: string | null): TimingFacts {
  if (header === null) return { cache: null, thumbnailMs: null };
  let cache: string | null = null;
  let thumbnailMs: number | null = null;
  for (const entry of header.split(",")) {
    const [name = "", ...params] = entry.trim().split(";");
    if (name === "cache") {
      const desc = params.find((p) => p.startsWith("desc="));
      cache = desc ? desc.slice(5) : null;
    } else if (THUMBNAIL_STEPS.has(name)) {
      const dur = Number(params.find((p) => p.startsWith("dur="))?.slice(4));
      if (Number.isFinite(dur)) thumbnailMs = (thumbnailMs ?? 0) + dur;
    }
  }
  return { cache, thumbnailMs };
}
