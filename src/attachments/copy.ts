import { claimBlob } from "../blobs/claims";
import { contentHash } from "../blobs/keys";
import { database } from "../db/client";
import type { Attachment, Part } from "../db/schema";
import { keepIfStillStored } from "./create";
import * as service from "./service";
import { copyToPrivate } from "./stored";

/**
 * Copies attachment `id` of part `key` to `target` as a new row naming the
 * same blob. A row copied to a private part from a row that reads the public
 * copy gets the bytes copied into the private space first (claimed, then
 * re-checked after the row is written, like any deduplicated write), and
 * reads that copy. Any other copy reads what its source reads: a private
 * copy stays private on a public part until the housekeeping pass moves it,
 * and its answers carry signed links meanwhile (responses.ts).
 */
export async function copyAttachment(env: Env, key: string, id: number, target: Part): Promise<Attachment> {
  const db = database(env.DB);
  const source = await service.getAttachment(db, key, id);
  if (!target.private || source.sha256 === null || source.blobVisibility === "private") {
    return service.insertCopy(db, source, target.key, source.blobVisibility);
  }
  const hash = contentHash.parse(source.sha256);
  await claimBlob(env.DB, hash);
  await copyToPrivate(env.BUCKET, env.DB, hash);
  const row = await service.insertCopy(db, source, target.key, "private");
  await keepIfStillStored(env.BUCKET, db, target.key, row);
  return row;
}
