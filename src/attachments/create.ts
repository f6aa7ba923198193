import { claimBlob, stillStored, vanishedError } from "../blobs/claims";
import type { ContentHash } from "../blobs/keys";
import { type Database, database } from "../db/client";
import type { Attachment } from "../db/schema";
import { AppError } from "../errors";
import { ensureThumbnail } from "../images/derived";
import { THUMBNAIL_SIZE } from "../images/thumbnail-spec";
import { ingest } from "./ingest";
import type { AttachmentCreate } from "./requests";
import * as service from "./service";
import { describeStoredBlob } from "./stored";
import type { UploadRequest } from "./upload";

type Stored = Extract<AttachmentCreate, { kind: "stored" }>;

/**
 * Makes the attachment a validated POST asks for (requests.ts) on part
 * `key`, which the caller has found: the row, and for a file its blob.
 */
export async function createAttachment(
  env: Env,
  ctx: Pick<ExecutionContext, "waitUntil">,
  key: string,
  request: AttachmentCreate,
): Promise<Attachment> {
  const db = database(env.DB);
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
      return attachStoredBlob(env, db, key, request);
    case "upload":
      return attachUpload(env, ctx, db, key, request.upload);
  }
}

/** Claimed first and checked again after the row is written, like any deduplicated upload (GC race). */
async function attachStoredBlob(env: Env, db: Database, key: string, request: Stored): Promise<Attachment> {
  await claimBlob(env.DB, request.hash);
  const blob = await describeStoredBlob(env.BUCKET, request.hash, request.contentType);
  const row = await service.insertBlobAttachment(db, key, blob, { filename: request.filename, title: request.title, attributes: request.attributes });
  await keepIfStillStored(env.BUCKET, db, key, row, blob.hash);
  return row;
}

async function attachUpload(env: Env, ctx: Pick<ExecutionContext, "waitUntil">, db: Database, key: string, upload: UploadRequest) {
  const blob = await ingest(env.BUCKET, env.DB, upload).catch(async (err: unknown) => {
    await upload.settle(true);
    throw err;
  });
  await upload.settle(false);
  const row = await service.insertBlobAttachment(db, key, blob, {
    filename: upload.filename ?? null,
    title: upload.title,
    attributes: upload.attributes,
  });
  if (!blob.created) await keepIfStillStored(env.BUCKET, db, key, row, blob.hash);
  if (row.attachmentType === "image") {
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

/** A deduplicated blob GC condemned while the row was written: the row goes, and the client is told to send the bytes. */
async function keepIfStillStored(bucket: R2Bucket, db: Database, key: string, row: Attachment, hash: ContentHash): Promise<void> {
  if (await stillStored(bucket, hash)) return;
  await service.deleteAttachment(db, key, row.id);
  throw vanishedError(hash);
}
