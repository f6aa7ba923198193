import { AppError } from "../errors";
import { sanitizeFilename } from "../http/filename";

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

export const MAX_THUMBNAIL_SIZE = 1000;
const MAX_CONTENT_TYPE_LENGTH = 200;

// RFC 9110 §8.3.1: type "/" subtype *( OWS ";" OWS parameter ), parameter = token "=" ( token / quoted-string ).
const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const QUOTED = '"(?:[\\t !#-\\[\\]-~]|\\\\[\\t -~])*"';
const MEDIA_TYPE = new RegExp(`^(${TOKEN})/(${TOKEN})((?:[ \\t]*;[ \\t]*${TOKEN}=(?:${TOKEN}|${QUOTED}))*)[ \\t]*$`);

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
    // Seed rule: a thumbnail is always a JPEG, so asking for another type is a contradiction.
    if (view.contentType !== undefined) {
      throw new AppError("invalid_parameter", "content_type cannot be combined with thumbnail: thumbnails are always image/jpeg.");
    }
  }
  return view;
}

function single(query: URLSearchParams, name: string): string | undefined {
  const values = query.getAll(name);
  if (values.length > 1) throw new AppError("invalid_parameter", `${name} may appear at most once.`);
  return values[0];
}

/**
 * Validates a media type and keeps only what a browser needs: `type/subtype`
 * (lowercased) and a charset. Every other parameter is dropped, so nothing a
 * client wrote is echoed into Content-Type (`image/jpeg; x="<script>"`).
 * Throws naming `field` when the value is not a media type at all.
 */
export function parseMediaType(value: string, field: string): string {
  const match = value.length <= MAX_CONTENT_TYPE_LENGTH ? MEDIA_TYPE.exec(value.trim()) : null;
  if (!match) throw new AppError("invalid_parameter", `${field} must be a media type such as "image/png", not "${clip(value)}".`);
  const [, type = "", subtype = "", params = ""] = match;
  const charset = /;[ \t]*charset=(?:"([!#$%&'*+.^_`|~0-9A-Za-z-]+)"|([!#$%&'*+.^_`|~0-9A-Za-z-]+))/i.exec(params);
  const essential = `${type.toLowerCase()}/${subtype.toLowerCase()}`;
  return charset ? `${essential}; charset=${(charset[1] ?? charset[2]!).toLowerCase()}` : essential;
}

/** `type/subtype` without parameters. */
export function essence(mediaType: string): string {
  return mediaType.split(";", 1)[0]!.trim().toLowerCase();
}

/** A plain integer 1..1000: no sign, exponent, fraction or leading zero. */
export function parseThumbnailSize(value: string): number {
  const size = /^[1-9][0-9]{0,3}$/.test(value) ? Number(value) : Number.NaN;
  if (!(size >= 1 && size <= MAX_THUMBNAIL_SIZE)) {
    throw new AppError("invalid_parameter", `thumbnail must be a whole number of pixels from 1 to ${MAX_THUMBNAIL_SIZE}, not "${clip(value)}".`);
  }
  return size;
}

function clip(value: string): string {
  const printable = value.replace(/[^\x20-\x7e]/g, "?");
  return printable.length > 40 ? `${printable.slice(0, 40)}…` : printable;
}
