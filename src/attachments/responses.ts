import { isContentHash } from "../blobs/keys";
import { type LegacyLinkSecrets, legacyLink } from "../cas/legacy-links";
import { isInlineSafe } from "../cas/presentation";
import { casPath } from "../cas/urls";
import type { Attachment, Part } from "../db/schema";
import { thumbnailPath, thumbnailSrcset } from "../images/thumbnail-spec";
import type { AttachmentResponse, PartResponse } from "./schemas";

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
    thumbnail_srcset: srcset(a),
    attributes: a.attributes,
    attributes_schema_version: a.attributesSchemaVersion,
    created_at: a.createdAt,
  };
}

/**
 * The CAS URL of one variant of a row whose blob is in CAS, or null where
 * that variant does not apply. The legacy route redirects to it too: the app
 * hands it to migration/legacy-route.ts.
 */
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
      return a.attachmentType === "image" ? thumbnailPath(a.sha256) : null;
  }
}

/** Beside a CAS thumbnail_url (casUrlFor) only: legacy rows get thumbnail_url alone. */
function srcset(a: Attachment): string | null {
  if (a.attachmentType !== "image" || a.sha256 === null || !isContentHash(a.sha256)) return null;
  return thumbnailSrcset(a.sha256);
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
