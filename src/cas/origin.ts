import { AppError } from "../errors";
import { type ByteRange, resolveRange } from "./conditional";

/** What the serving path needs to know about a stored representation. */
export interface OriginObject {
  size: number;
  contentType: string | undefined;
  /** Null for HEAD. */
  body: ReadableStream | null;
  /** The inclusive span the body holds when a range was asked for. */
  span: { start: number; end: number } | null;
  /** Server-Timing entries for work done to produce it (e.g. a thumbnail's decode). */
  timing?: string;
}

/** Where an immutable representation's bytes come from on an edge-cache miss. */
export interface Origin {
  get(range: ByteRange | null): Promise<OriginObject | null>;
  head(): Promise<OriginObject | null>;
}

/** R2's error for a range outside the object (code 10039, "InvalidRange"). */
function isInvalidRange(err: unknown): boolean {
  return err instanceof Error && /\(10039\)|range is not satisfiable/i.test(err.message);
}

export function unsatisfiable(size: number): AppError {
  return new AppError("range_not_satisfiable", `The blob has ${size} bytes; the requested range lies outside it.`, {
    "Content-Range": `bytes */${size}`,
  });
}

/** An R2 object served by range reads: a byte range never pulls the whole object. */
export function r2Origin(bucket: R2Bucket, key: string): Origin {
  const meta = (object: R2Object, body: ReadableStream | null, span: OriginObject["span"]): OriginObject => ({
    size: object.size,
    contentType: object.httpMetadata?.contentType,
    body,
    span,
  });

  return {
    async head() {
      const object = await bucket.head(key);
      return object && meta(object, null, null);
    },
    async get(range) {
      if (range === null) {
        const object = await bucket.get(key);
        return object && meta(object, object.body, null);
      }
      if ("suffix" in range && range.suffix === 0) {
        // RFC 9110 §14.1.1: an empty suffix selects nothing; R2 would answer the whole object.
        const head = await bucket.head(key);
        if (head === null) return null;
        throw unsatisfiable(head.size);
      }
      let object: R2ObjectBody | null;
      try {
        object = await bucket.get(key, { range: "suffix" in range ? { suffix: range.suffix } : toR2Range(range) });
      } catch (err) {
        // R2 refuses ranges past the end without saying how long the object is (InvalidRange); the
        // local emulator fails a range that starts exactly at the end with an unspecified error. The
        // size decides: a range outside the object is the client's 416, anything else is rethrown.
        const head = await bucket.head(key);
        if (head === null) return null;
        if (isInvalidRange(err) || resolveRange(range, head.size) === null) throw unsatisfiable(head.size);
        throw err;
      }
      if (object === null) return null;
      const span = resolveRange(range, object.size);
      if (span === null) {
        await object.body.cancel();
        throw unsatisfiable(object.size);
      }
      return meta(object, object.body, span);
    },
  };
}

function toR2Range(range: { start: number; end?: number }): R2Range {
  return range.end === undefined ? { offset: range.start } : { offset: range.start, length: range.end - range.start + 1 };
}

/**
 * The first of two origins that holds the representation: `primary`, else
 * `fallback`. A private blob is read from its private copy, else its public
 * one (a signed link authorises reading the hash, and bytes that are also
 * public reveal nothing), so a move between the spaces never breaks a link.
 */
export function firstOf(primary: Origin, fallback: Origin): Origin {
  return {
    async head() {
      return (await primary.head()) ?? fallback.head();
    },
    async get(range) {
      return (await primary.get(range)) ?? fallback.get(range);
    },
  };
}
