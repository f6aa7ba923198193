import { type ContentHash, contentHash } from "../blobs/keys";
import { abortMultipart } from "../blobs/multipart";
import type { UploadSession } from "../db/schema";
import { AppError } from "../errors";

/** A session lives a day past its last accepted part… */
export const SESSION_IDLE_MS = 24 * 60 * 60 * 1000;
/** …but never past six days, so it always ends before R2's lifecycle rule aborts its upload (7 days). */
export const SESSION_MAX_AGE_MS = 6 * 24 * 60 * 60 * 1000;
/** How long a request may hold the right to write the next part before another may take it over. */
export const CLAIM_MS = 60 * 1000;

export function nextExpiry(session: Pick<UploadSession, "createdAt">, now: number): string {
  return new Date(Math.min(now + SESSION_IDLE_MS, Date.parse(session.createdAt) + SESSION_MAX_AGE_MS)).toISOString();
}

export function isExpired(session: Pick<UploadSession, "expiresAt">, now: number): boolean {
  return Date.parse(session.expiresAt) <= now;
}

/** Who is acting on a session: the principal's `sub`, and whether it holds the admin scope. */
export interface Actor {
  sub: string;
  admin: boolean;
}

/**
 * The session if `actor` may act on it: its creator (`created_by` is the
 * creator's `sub`) or an admin. Anyone else with cas:write could otherwise
 * feed a session wrong bytes, making its owner's complete fail, or abort it;
 * to them it is as unknown as an id that names nothing, so its existence,
 * expiry and state stay hidden too.
 */
export function ownSession(session: UploadSession | undefined, actor: Actor): UploadSession | undefined {
  return session && (actor.admin || session.createdBy === actor.sub) ? session : undefined;
}

/** The session, or the problem a request on it gets: unknown 404, expired 410, failed 409. */
export function usableSession(session: UploadSession | undefined, now: number): UploadSession {
  if (!session) throw new AppError("not_found", "No such upload session.");
  if (isExpired(session, now)) throw new AppError("gone", "This upload session has expired; start a new one.");
  if (session.status === "failed") {
    throw new AppError("conflict", `This upload failed (${session.failure ?? "unknown reason"}) and its parts were discarded; start a new one.`);
  }
  return session;
}

/** The blob a session uploads: its row holds the hash the create request was validated with. */
export function sessionHash(session: Pick<UploadSession, "sha256">): ContentHash {
  return contentHash.parse(session.sha256);
}

/** Aborts the session's R2 multipart upload, discarding its parts (one R2 no longer knows counts as aborted). */
export async function discardParts(bucket: R2Bucket, session: Pick<UploadSession, "sha256" | "r2UploadId">): Promise<void> {
  await abortMultipart(bucket, sessionHash(session), session.r2UploadId);
}
