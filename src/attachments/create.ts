import { claimBlob, stillStored, vanishedError } from "../blobs/claims";
import { contentHash, type Visibility } from "../blobs/keys";
import { type Database, database } from "../db/client";
import type { Attachment, Part } from "../db/schema";
import { AppError } from "../errors";
import { ensureThumbnail } from "../images/derived";
import { THUMBNAIL_SIZE } from "../images/thumbnail-spec";
import { ingest } from "./ingest";
import type { AttachmentCreate } from "./requests";
import * as service from "./service";
import { copyToPrivate, describeStoredBlob } from "./stored";
import type { UploadRequest } from "./upload";

type Stored = Extract<AttachmentCreate, { kind: "stored" }>;

/** The space a part's new blobs are stored in. */
export function spaceOf(part: Pick<Part, "private">): Visibility {
  return part.private ? "private" : "public";
}

/**
 * Makes the attachment a validated POST asks for (requests.ts) on `part`,
 * which the caller has found: the row, and for a file its blob, stored in
 * the part's space (a part flipped while this runs is the housekeeping
 * pass's to reconcile: the row says which copy it reads).
 */
export async function createAttachment(
  env: Env,
  ctx: Pick<ExecutionContext, "waitUntil">,
  part: Part,
  request: AttachmentCreate,
): Promise<Attachment> {
  const db = database(env.DB);
  const key = part.key;
  const space = spaceOf(part);
  switch (request.kind) {
    case "url":
      return service.insertAttachment(db, {
        partKey: key,
        attachmentType: "url",
        title: request.title ?? request.url,
        url: request.url,
        attributes: request.attributes,
      });
    case "stored":
      return attachStoredBlob(env, db, key, space, request);
    case "upload":
      return attachUpload(env, ctx, db, key, space, request.upload);
  }
}

/**
 * Claimed first and checked again after the row is written, like any
 * deduplicated upload (GC race). The hash must name a public blob
 * (stored.ts says why); a private part gets its own copy of it.
 */
async function attachStoredBlob(env: Env, db: Database, key: string, space: Visibility, request: Stored): Promise<Attachment> {
  await claimBlob(env.DB, request.hash);
  const blob = await describeStoredBlob(env.BUCKET, request.hash, request.contentType);
  if (space === "private") await copyToPrivate(env.BUCKET, env.DB, request.hash);
  const row = await service.insertBlobAttachment(
    db,
    key,
    { ...blob, visibility: space },
    { filename: request.filename, title: request.title, attributes: request.attributes },
  );
  await keepIfStillStored(env.BUCKET, db, key, row);
  return row;
}

async function attachUpload(env: Env, ctx: Pick<ExecutionContext, "waitUntil">, db: Database, key: string, space: Visibility, upload: UploadRequest) {
  const blob = await ingest(env.BUCKET, env.DB, upload, space).catch(async (err: unknown) => {
    await upload.settle(true);
    throw err;
  });
  await upload.settle(false);
  const row = await service.insertBlobAttachment(db, key, blob, {
    filename: upload.filename ?? null,
    title: upload.title,
    attributes: upload.attributes,
  });
  if (!blob.created) await keepIfStillStored(env.BUCKET, db, key, row);
  // A private blob's thumbnails are made when a signed link first asks for one (derived.ts reads the public space).
  if (row.attachmentType === "image" && space === "public") {
    // Make the thumbnail the frontend will ask for now, so its first view is a stored JPEG.
    // An image the decoder refuses is the uploader's data, not a fault: its thumbnail URL
    // answers the problem (413/415/422) when asked; only unexpected failures are logged.
    ctx.waitUntil(
      ensureThumbnail(env.BUCKET, blob.hash, THUMBNAIL_SIZE, env.IMAGES).catch((err: unknown) => {
        if (!(err instanceof AppError)) console.warn("thumbnail warm-up failed", blob.hash, String(err));
      }),
    );
  }
  return row;
}

/**
 * A deduplicated blob GC condemned while the row was written: the row goes,
 * and the client is told to send the bytes. The copy checked is the one the
 * row reads.
 */
export async function keepIfStillStored(bucket: R2Bucket, db: Database, key: string, row: Attachment): Promise<void> {
  const hash = contentHash.parse(row.sha256);
  if (await stillStored(bucket, hash, row.blobVisibility)) return;
  await service.deleteAttachment(db, key, row.id);
  throw vanishedError(hash);
}
