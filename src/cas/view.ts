import { AppError } from "../errors";
import { clip } from "../http/echo";
import { sanitizeFilename } from "../http/filename";
import { parseMediaType } from "../http/media-type";

/**
 * How a client asked to see a blob: everything after the `?` of a CAS URL.
 * The query is the only input besides the hash (the endpoint reads no
 * database), so every field is validated here and nowhere else.
 */
export interface BlobView {
  contentType?: string;
  disposition?: Disposition;
  filename?: string;
  thumbnail?: number;
}

export type Disposition = "inline" | "attachment";

/**
 * The largest `?thumbnail=N` a CAS URL may name: part of the URL's grammar,
 * refused here before anything is read. What a thumbnail is (its type, key
 * and validator) is images/ business (images/thumbnail-spec.ts).
 */
export const MAX_THUMBNAIL_SIZE = 1000;

export function parseBlobView(query: URLSearchParams): BlobView {
  const view: BlobView = {};
  const contentType = single(query, "content_type");
  const disposition = single(query, "disposition");
  const filename = single(query, "filename");
  const thumbnail = single(query, "thumbnail");

  if (contentType !== undefined) view.contentType = parseMediaType(contentType, "content_type");
  if (disposition !== undefined) {
    if (disposition !== "inline" && disposition !== "attachment") {
      throw new AppError("invalid_parameter", `disposition must be "inline" or "attachment", not "${clip(disposition)}".`);
    }
    view.disposition = disposition;
  }
  if (filename !== undefined) {
    const clean = sanitizeFilename(filename);
    if (clean) view.filename = clean;
  }
  if (thumbnail !== undefined) {
    view.thumbnail = parseThumbnailSize(thumbnail);
    // Seed rule: a thumbnail has the one type it is made in, so asking for another is a contradiction.
    if (view.contentType !== undefined) {
      throw new AppError("invalid_parameter", "content_type cannot be combined with thumbnail: a thumbnail has its own image type.");
    }
  }
  return view;
}

function single(query: URLSearchParams, name: string): string | undefined {
  const values = query.getAll(name);
  if (values.length > 1) throw new AppError("invalid_parameter", `${name} may appear at most once.`);
  return values[0];
}

/** A plain integer 1..1000: no sign, exponent, fraction or leading zero. */
export function parseThumbnailSize(value: string): number {
  const size = /^[1-9][0-9]{0,3}$/.test(value) ? Number(value) : Number.NaN;
  if (!(size >= 1 && size <= MAX_THUMBNAIL_SIZE)) {
    throw new AppError("invalid_parameter", `thumbnail must be a whole number of pixels from 1 to ${MAX_THUMBNAIL_SIZE}, not "${clip(value)}".`);
  }
  return size;
}
