import { type ContentHash, isContentHash } from "../blobs/keys";
import { legacyLink } from "../cas/legacy-links";
import { isInlineSafe } from "../cas/presentation";
import { privateLink } from "../cas/signed-links";
import { casPath } from "../cas/urls";
import type { BlobView } from "../cas/view";
import type { Attachment, Part } from "../db/schema";
import { THUMBNAIL_SIZE, THUMBNAIL_SIZE_HIDPI } from "../images/thumbnail-spec";
import type { AttachmentResponse, PartResponse } from "./schemas";

type BlobUrls = Pick<AttachmentResponse, "download_url" | "view_url" | "thumbnail_url" | "thumbnail_srcset">;
type Variant = "download" | "view" | "thumbnail" | "thumbnail-hidpi";

/**
 * Rows become JSON here and only here: every URL is built from one view of
 * the blob, handed to casPath for a public file or to privateLink for a
 * private one, and the storage columns (sha256's key, legacy_key,
 * blob_visibility) never leave the server. A legacy row not migrated yet
 * gets signed links that migrate it on demand (null while no signing key is
 * configured: see legacyLinkKey).
 *
 * A file is private when its part is, or when its row reads the private copy
 * (blob_visibility). Either one alone is enough: a part just flipped to
 * private still has its bytes in cas/ until the housekeeping pass moves them,
 * and the private route falls back to that copy; a part flipped back to
 * public has rows reading private/cas/ until the pass moves them back, which
 * only a signed link reaches. Signed links are made per request and expire
 * on a window boundary (signed-links.ts), so a page reloaded within the
 * window gets the same URLs and the browser's cache keeps serving them.
 */
export async function attachmentJson(a: Attachment, env: Env, partPrivate: boolean): Promise<AttachmentResponse> {
  return {
    id: a.id,
    part_key: a.partKey,
    attachment_type: a.attachmentType,
    title: a.title,
    filename: a.filename,
    content_type: a.contentType,
    size: a.size,
    url: a.url,
    ...(await blobUrls(a, env, isPrivateFile(a, partPrivate))),
    attributes: a.attributes,
    attributes_schema_version: a.attributesSchemaVersion,
    created_at: a.createdAt,
  };
}

export async function partJson(p: Part, cover: Attachment | undefined, env: Env): Promise<PartResponse> {
  return {
    key: p.key,
    name: p.name,
    description: p.description,
    cover_attachment_id: p.coverAttachmentId,
    cover_url: cover ? await thumbnailUrl(cover, env, isPrivateFile(cover, p.private)) : null,
    private: p.private,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
  };
}

/** Whether a row's file is read only through signed links. */
export function isPrivateFile(a: Pick<Attachment, "blobVisibility">, partPrivate: boolean): boolean {
  return partPrivate || a.blobVisibility === "private";
}

/** The blob and view of one variant of a row whose blob is in CAS, or null where that variant does not apply. */
function viewOf(a: Attachment, variant: Variant): { hash: ContentHash; view: BlobView } | null {
  if (a.sha256 === null || !isContentHash(a.sha256)) return null;
  const hash = a.sha256;
  const contentType = a.contentType ?? "application/octet-stream";
  const filename = a.filename ?? undefined;
  switch (variant) {
    case "download":
      return { hash, view: { contentType, disposition: "attachment", filename } };
    case "view":
      return isInlineSafe(contentType) ? { hash, view: { contentType, disposition: "inline", filename } } : null;
    case "thumbnail":
      return a.attachmentType === "image" ? { hash, view: { thumbnail: THUMBNAIL_SIZE } } : null;
    case "thumbnail-hidpi":
      return a.attachmentType === "image" ? { hash, view: { thumbnail: THUMBNAIL_SIZE_HIDPI } } : null;
  }
}

/**
 * The URL of one variant of a row whose blob is in CAS, or null: a signed
 * link for a private file, the public CAS URL otherwise, as in the answers.
 * The legacy route redirects to it: the app hands it to
 * migration/legacy-route.ts.
 */
export function variantUrlFor(env: Env, a: Attachment, variant: "download" | "view" | "thumbnail", partPrivate: boolean): Promise<string | null> {
  return urlFor(a, variant, env, isPrivateFile(a, partPrivate));
}

async function urlFor(a: Attachment, variant: Variant, env: Env, signed: boolean): Promise<string | null> {
  const target = viewOf(a, variant);
  if (target === null) return null;
  return signed ? privateLink(env, target.hash, target.view) : casPath(target.hash, target.view);
}

function isLegacy(a: Attachment): boolean {
  return a.sha256 === null && a.legacyKey !== null;
}

async function thumbnailUrl(a: Attachment, env: Env, signed: boolean): Promise<string | null> {
  if (isLegacy(a)) return a.attachmentType === "image" ? legacyLink(env, a.id, "thumbnail") : null;
  return urlFor(a, "thumbnail", env, signed);
}

async function blobUrls(a: Attachment, env: Env, signed: boolean): Promise<BlobUrls> {
  if (isLegacy(a)) {
    const inline = a.contentType !== null && isInlineSafe(a.contentType);
    return {
      download_url: await legacyLink(env, a.id, "download"),
      view_url: inline ? await legacyLink(env, a.id, "view") : null,
      thumbnail_url: await thumbnailUrl(a, env, signed),
      // Legacy rows get thumbnail_url alone.
      thumbnail_srcset: null,
    };
  }
  const [download, view, thumbnail, hidpi] = await Promise.all(
    (["download", "view", "thumbnail", "thumbnail-hidpi"] as const).map((variant) => urlFor(a, variant, env, signed)),
  );
  return {
    download_url: download ?? null,
    view_url: view ?? null,
    thumbnail_url: thumbnail ?? null,
    // An <img srcset>: the thumbnail_url at 1x and the high-DPI size at 2x.
    thumbnail_srcset: thumbnail && hidpi ? `${thumbnail} 1x, ${hidpi} 2x` : null,
  };
}
