import { isContentHash } from "../blobs/keys";
import { isInlineSafe } from "../cas/presentation";
import { casPath } from "../cas/urls";
import type { Attachment, Part } from "../db/schema";
import { type LegacyLinkSecrets, legacyLink } from "../migration/legacy-links";
import type { AttachmentResponse, PartResponse } from "./schemas";

/** The thumbnail size the inventory frontend shows. */
export const THUMBNAIL_SIZE = 150;
/** The thumbnail a high-DPI screen gets for the same box (srcset 2x). */
export const THUMBNAIL_SIZE_HIDPI = 512;

type BlobUrls = Pick<AttachmentResponse, "download_url" | "view_url" | "thumbnail_url">;

/**
 * Rows become JSON here and only here: every URL is built by casPath, and
 * the storage columns (sha256's key, legacy_key) never leave the server.
 * A legacy row not migrated yet gets signed links that migrate it on demand
 * (null while no signing key is configured: see legacyLinkKey).
 */
export async function attachmentJson(a: Attachment, secrets: LegacyLinkSecrets): Promise<AttachmentResponse> {
  return {
    id: a.id,
    part_key: a.partKey,
    attachment_type: a.attachmentType,
    title: a.title,
    filename: a.filename,
    content_type: a.contentType,
    size: a.size,
    url: a.url,
    ...(await blobUrls(a, secrets)),
    thumbnail_srcset: thumbnailSrcset(a),
    attributes: a.attributes,
    attributes_schema_version: a.attributesSchemaVersion,
    created_at: a.createdAt,
  };
}

/** The CAS URL of one variant of a row whose blob is in CAS, or null where that variant does not apply. */
export function casUrlFor(a: Attachment, variant: "download" | "view" | "thumbnail"): string | null {
  if (a.sha256 === null || !isContentHash(a.sha256)) return null;
  const contentType = a.contentType ?? "application/octet-stream";
  const filename = a.filename ?? undefined;
  switch (variant) {
    case "download":
      return casPath(a.sha256, { contentType, disposition: "attachment", filename });
    case "view":
      return isInlineSafe(contentType) ? casPath(a.sha256, { contentType, disposition: "inline", filename }) : null;
    case "thumbnail":
      return a.attachmentType === "image" ? casPath(a.sha256, { thumbnail: THUMBNAIL_SIZE }) : null;
  }
}

/** Both sizes built by casPath, so the 2x URL is exactly the one the edge caches. Legacy rows get thumbnail_url alone. */
function thumbnailSrcset(a: Attachment): string | null {
  const small = casUrlFor(a, "thumbnail");
  if (small === null || a.sha256 === null || !isContentHash(a.sha256)) return null;
  return `${small} 1x, ${casPath(a.sha256, { thumbnail: THUMBNAIL_SIZE_HIDPI })} 2x`;
}

async function blobUrls(a: Attachment, secrets: LegacyLinkSecrets): Promise<BlobUrls> {
  if (a.sha256 === null && a.legacyKey !== null) {
    const inline = a.contentType !== null && isInlineSafe(a.contentType);
    return {
      download_url: await legacyLink(secrets, a.id, "download"),
      view_url: inline ? await legacyLink(secrets, a.id, "view") : null,
      thumbnail_url: a.attachmentType === "image" ? await legacyLink(secrets, a.id, "thumbnail") : null,
    };
  }
  return { download_url: casUrlFor(a, "download"), view_url: casUrlFor(a, "view"), thumbnail_url: casUrlFor(a, "thumbnail") };
}

export async function partJson(p: Part, cover: Attachment | undefined, secrets: LegacyLinkSecrets): Promise<PartResponse> {
  return {
    key: p.key,
    name: p.name,
    description: p.description,
    cover_attachment_id: p.coverAttachmentId,
    cover_url: cover ? (await blobUrls(cover, secrets)).thumbnail_url : null,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
  };
}
