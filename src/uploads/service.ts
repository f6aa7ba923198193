import type { ContentHash } from "../blobs/keys";
import { abortMultipart, type Completion, completeMultipart, startMultipart } from "../blobs/multipart";
import { claimStored } from "../blobs/store";
import type { UploadSession } from "../db/schema";
import { AppError } from "../errors";
import { choosePartSize, partCount, partLength } from "./geometry";
import { type Actor, CLAIM_MS, discardParts, nextExpiry, ownSession, sessionHash, usableSession } from "./lifecycle";
import { receivePart } from "./parts";
import { ResumableSha256 } from "./sha256";
import { claimNext, commitPart, deleteSession, findSession, finishSession, insertSession, releaseClaim } from "./store";

export interface CreateUpload {
  sha256: ContentHash;
  size: number;
  contentType: string | undefined;
  partSize: number | undefined;
}

export type Created = { kind: "exists"; size: number } | { kind: "session"; session: UploadSession };

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/**
 * A blob already stored under the hash (uploaded by anyone) ends the upload before a byte moves.
 * Claimed first (see claimBlob): GC must not delete a blob this upload is told already exists.
 */
async function existingBlob(env: Env, hash: ContentHash, declaredSize: number): Promise<number | null> {
  const head = await claimStored(env.BUCKET, env.DB, hash);
  if (!head) return null;
  if (head.size !== declaredSize) {
    throw new AppError("digest_mismatch", `The blob ${hash} has ${head.size} bytes, not ${declaredSize}; nothing was stored.`);
  }
  return head.size;
}

export async function createUpload(env: Env, input: CreateUpload, createdBy: string, now = Date.now()): Promise<Created> {
  const partSize = choosePartSize(input.size, input.partSize);
  const existing = await existingBlob(env, input.sha256, input.size);
  if (existing !== null) return { kind: "exists", size: existing };

  const uploadId = await startMultipart(env.BUCKET, input.sha256, input.contentType);
  const createdAt = new Date(now).toISOString();
  try {
    const session = await insertSession(
      env.DB,
      {
        id: crypto.randomUUID(),
        sha256: input.sha256,
        size: input.size,
        contentType: input.contentType ?? null,
        partSize,
        partCount: partCount(input.size, partSize),
        r2UploadId: uploadId,
        hashState: toBase64((await ResumableSha256.start()).save()),
        createdBy,
        expiresAt: nextExpiry({ createdAt }, now),
      },
      now,
    );
    return { kind: "session", session };
  } catch (err) {
    await abortMultipart(env.BUCKET, input.sha256, uploadId);
    throw err;
  }
}

export async function getUpload(env: Env, id: string, actor: Actor, now = Date.now()): Promise<UploadSession> {
  const session = ownSession(await findSession(env.DB, id), actor);
  if (!session) throw new AppError("not_found", "No such upload session.");
  if (Date.parse(session.expiresAt) <= now) throw new AppError("gone", "This upload session has expired; start a new one.");
  return session;
}

export interface PartUpload {
  part: number;
  length: number;
  body: ReadableStream<Uint8Array> | null;
}

/**
 * Accepts part n, which must be the next one: the digest runs through the
 * parts in order, so order is what lets each part be hashed exactly once.
 * A part already accepted is acknowledged without reading its body again
 * (a client retrying after a lost response), and never hashed twice.
 */
export async function putPart(env: Env, id: string, actor: Actor, input: PartUpload, now = Date.now()): Promise<UploadSession> {
  const session = usableSession(ownSession(await findSession(env.DB, id), actor), now);
  if (session.status === "completed") throw new AppError("conflict", "This upload is already complete.");
  const { part } = input;
  if (part < 1 || part > session.partCount) {
    throw new AppError("invalid_parameter", `part: this upload has parts 1 to ${session.partCount}.`);
  }
  const expected = partLength(session, part);
  if (input.length !== expected) {
    throw new AppError("bad_request", `Part ${part} must be exactly ${expected} bytes (Content-Length was ${input.length}).`);
  }
  // A body left unread here is read by the body middleware (src/http/request-body.ts), which keeps the connection usable.
  if (part <= session.partsReceived) return session;
  if (part > session.partsReceived + 1) {
    throw new AppError("conflict", `Parts are accepted in order; send part ${session.partsReceived + 1} next.`);
  }

  const claim = crypto.randomUUID();
  if (!(await claimNext(env.DB, id, part, claim, now, CLAIM_MS))) return answerLostClaim(env, id, part, now);
  let received: Awaited<ReturnType<typeof receivePart>>;
  try {
    const body = input.body ?? new Response(new Uint8Array(0)).body!;
    received = await receivePart(env.BUCKET, session, part, body, expected, fromBase64(session.hashState));
  } catch (err) {
    await releaseClaim(env.DB, id, claim);
    throw err;
  }
  const committed = await commitPart(
    env.DB,
    id,
    claim,
    part,
    received.etag,
    toBase64(received.hashState),
    nextExpiry(session, Date.now()),
    Date.now(),
  );
  if (!committed) {
    throw new AppError(
      "conflict",
      `Part ${part} took longer than ${CLAIM_MS / 1000} s and another request took it over; ask for the upload's state.`,
    );
  }
  return (await findSession(env.DB, id))!;
}

/** Another request holds the part (409, retry later), or has just stored it (then this retry is answered as done). */
async function answerLostClaim(env: Env, id: string, part: number, now: number): Promise<UploadSession> {
  const current = usableSession(await findSession(env.DB, id), now);
  if (current.partsReceived >= part) return current;
  const wait = current.claimUntil ? Math.max(1, Math.ceil((Date.parse(current.claimUntil) - now) / 1000)) : 1;
  throw new AppError("conflict", `Part ${part} is being received by another request.`, { "Retry-After": String(wait) });
}

export type Completed = { session: UploadSession; created: boolean };

/**
 * Makes the blob visible, only if the parts hash to the declared SHA-256.
 * A blob that appeared under the hash meanwhile makes this upload moot: it
 * is aborted and the existing blob answered.
 */
export async function completeUpload(env: Env, id: string, actor: Actor, now = Date.now()): Promise<Completed> {
  const session = usableSession(ownSession(await findSession(env.DB, id), actor), now);
  if (session.status === "completed") return { session, created: false };
  if ((await claimStored(env.BUCKET, env.DB, sessionHash(session))) !== null) {
    await discardParts(env.BUCKET, session);
    await finishSession(env.DB, id, { status: "completed" }, nextExpiry(session, now), now);
    return { session: (await findSession(env.DB, id))!, created: false };
  }
  if (session.partsReceived < session.partCount) {
    throw new AppError(
      "conflict",
      `Parts ${session.partsReceived + 1} to ${session.partCount} are missing; send part ${session.partsReceived + 1} next.`,
    );
  }
  const claim = crypto.randomUUID();
  if (!(await claimNext(env.DB, id, session.partCount + 1, claim, now, CLAIM_MS))) {
    const current = usableSession(await findSession(env.DB, id), now);
    if (current.status === "completed") return { session: current, created: false };
    throw new AppError("conflict", "This upload is being completed by another request.", { "Retry-After": "1" });
  }

  const digest = (await ResumableSha256.start(fromBase64(session.hashState))).digestHex();
  if (digest !== session.sha256) {
    await fail(env, session, `the parts hash to ${digest}`, now);
    throw new AppError(
      "digest_mismatch",
      `The uploaded bytes hash to ${digest}, not ${session.sha256}; nothing was stored and the upload is closed.`,
    );
  }
  const etags = JSON.parse(session.partEtags) as string[];
  let completion: Completion;
  try {
    completion = await completeMultipart(env.BUCKET, sessionHash(session), session.r2UploadId, etags);
  } catch (err) {
    await releaseClaim(env.DB, id, claim);
    console.error("uploads: R2 complete failed", err);
    throw new AppError("storage_unavailable", "The upload could not be completed; try completing it again.");
  }
  // R2 checks each part's ETag: a part overwritten by a request that lost its claim no longer matches.
  if (completion === "part_overwritten") {
    await fail(env, session, "a part was overwritten by a concurrent request", now);
    throw new AppError("conflict", "A part was overwritten by a concurrent request; nothing was stored and the upload is closed.");
  }
  await finishSession(env.DB, id, { status: "completed" }, nextExpiry(session, now), now);
  return { session: (await findSession(env.DB, id))!, created: true };
}

async function fail(env: Env, session: UploadSession, failure: string, now: number): Promise<void> {
  await discardParts(env.BUCKET, session);
  await finishSession(env.DB, session.id, { status: "failed", failure }, nextExpiry(session, now), now);
}

/** Discards the upload's parts and forgets the session. A completed blob is not affected (409). */
export async function abortUpload(env: Env, id: string, actor: Actor): Promise<void> {
  const session = ownSession(await findSession(env.DB, id), actor);
  if (!session) throw new AppError("not_found", "No such upload session.");
  if (session.status === "completed") throw new AppError("conflict", "This upload is complete; its blob is not removed by aborting.");
  if (session.status === "open") await discardParts(env.BUCKET, session);
  await deleteSession(env.DB, id);
}
