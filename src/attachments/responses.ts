import { isContentHash } from "../cas/keys";
import { isInlineSafe } from "../cas/presentation";
import { casPath } from "../cas/urls";
import type { Attachment, Part } from "../db/schema";
import type { AttachmentResponse, PartResponse } from "./schemas";

/** The thumbnail size the inventory frontend shows. */
export const THUMBNAIL_SIZE = 150;

/**
 * Rows become JSON here and only here: every URL is built by casPath, and
 * the storage columns (sha256's key, legacy_key) never leave the server.
 */
export function attachmentJson(a: Attachment): AttachmentResponse {
  return {
    id: a.id,
    part_key: a.partKey,
    attachment_type: a.attachmentType,
    title: a.title,
    filename: a.filename,
    content_type: a.contentType,
    size: a.size,
    url: a.url,
    ...blobUrls(a),
    created_at: a.createdAt,
  };
}

function blobUrls(a: Attachment): Pick<AttachmentResponse, "download_url" | "view_url" | "thumbnail_url"> {
  if (a.sha256 === null || !isContentHash(a.sha256)) return { download_url: null, view_url: null, thumbnail_url: null };
  const contentType = a.contentType ?? "application/octet-stream";
  const filename = a.filename ?? undefined;
  return {
    download_url: casPath(a.sha256, { contentType, disposition: "attachment", filename }),
    view_url: isInlineSafe(contentType) ? casPath(a.sha256, { contentType, disposition: "inline", filename }) : null,
    thumbnail_url: a.attachmentType === "image" ? casPath(a.sha256, { thumbnail: THUMBNAIL_SIZE }) : null,
  };
}

export function partJson(p: Part, cover: Attachment | undefined): PartResponse {
  return {
    key: p.key,
    name: p.name,
    description: p.description,
    cover_attachment_id: p.coverAttachmentId,
    cover_url: cover ? blobUrls(cover).thumbnail_url : null,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
  };
}
