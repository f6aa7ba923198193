import type { LegacyVariant } from "../cas/legacy-links";
import { present } from "../cas/presentation";
import { AppError } from "../errors";
import { sanitizeFilename } from "../http/filename";
import { parseMediaType } from "../http/media-type";

/** How long a client should wait before asking for a thumbnail `ro` cannot make: a frozen store is an operator's minutes, not seconds. */
export const RO_RETRY_AFTER_SECONDS = 300;

/** A pending row's legacy object and what the row says about it. */
export interface LegacyFile {
  key: string;
  contentType: string | null;
  filename: string | null;
}

/** A legacy row's type as a browser may see it; one a client could not have sent to CAS is left to the object's. */
function mediaType(value: string | null): string | undefined {
  if (value === null) return undefined;
  try {
    return parseMediaType(value, "content_type");
  } catch {
    return undefined;
  }
}

/**
 * A pending row's bytes straight from its legacy object, for the `ro` mode,
 * where migrating it on demand would write (a CAS object and the row). The
 * headers say what its CAS URL would (presentation.ts), except caching: the
 * URL names a row, not bytes, and redirects once the row is migrated, so no
 * cache may keep this answer. A thumbnail cannot be made without storing
 * it: 503 until the store takes writes again.
 */
export async function serveLegacyObject(bucket: R2Bucket, file: LegacyFile, variant: LegacyVariant, method: string) {
  if (variant === "thumbnail") {
    throw new AppError("storage_unavailable", `The store is in "ro" mode; this attachment's thumbnail is made once it takes writes again.`, {
      "Retry-After": String(RO_RETRY_AFTER_SECONDS),
    });
  }
  const isHead = method === "HEAD";
  const object = isHead ? await bucket.head(file.key) : await bucket.get(file.key);
  if (object === null) throw new AppError("blob_not_found", "The file of this attachment is missing.");
  const body = isHead ? null : (object as R2ObjectBody).body;
  const filename = file.filename === null ? undefined : sanitizeFilename(file.filename) || undefined;
  const disposition = variant === "view" ? "inline" : "attachment";
  const p = present({ contentType: mediaType(file.contentType), disposition, filename }, object.httpMetadata?.contentType);
  if (p.disposition !== disposition) {
    // Not safe inline: as for a migrated row, whose view_url is null (responses.ts).
    await body?.cancel();
    throw new AppError("not_found", "This attachment has no view link.");
  }
  return new Response(body, {
    headers: {
      "Content-Type": p.contentType,
      "Content-Disposition": p.contentDisposition,
      "Content-Security-Policy": p.contentSecurityPolicy,
      "Content-Length": String(object.size),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });
}
