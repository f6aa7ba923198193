import { and, asc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { database } from "../db/client";
import { type UploadSession, uploadSessions } from "../db/schema";

/**
 * Upload session rows. Every change that two requests could race on is a
 * single conditional UPDATE, and its caller learns from the changed-row
 * count whether it won: D1 runs each statement atomically, so of two
 * requests for the same part exactly one sees a change.
 */

const iso = (ms: number) => new Date(ms).toISOString();

export type NewUploadSession = Pick<
  UploadSession,
  "id" | "sha256" | "size" | "contentType" | "partSize" | "partCount" | "r2UploadId" | "hashState" | "createdBy" | "expiresAt"
>;

export async function insertSession(d1: D1Database, row: NewUploadSession, now: number): Promise<UploadSession> {
  const [inserted] = await database(d1)
    .insert(uploadSessions)
    .values({ ...row, createdAt: iso(now), updatedAt: iso(now) })
    .returning();
  return inserted!;
}

export async function findSession(d1: D1Database, id: string): Promise<UploadSession | undefined> {
  return database(d1).select().from(uploadSessions).where(eq(uploadSessions.id, id)).get();
}

/**
 * Takes the right to write part `next` (or, with next = part_count + 1, to
 * complete): only while that is the next part, the session is open, and
 * nobody else holds an unexpired claim.
 */
export async function claimNext(d1: D1Database, id: string, next: number, claim: string, now: number, holdMs: number): Promise<boolean> {
  const result = await database(d1)
    .update(uploadSessions)
    .set({ claim, claimUntil: iso(now + holdMs) })
    .where(
      and(
        eq(uploadSessions.id, id),
        eq(uploadSessions.status, "open"),
        eq(uploadSessions.partsReceived, next - 1),
        or(isNull(uploadSessions.claim), lt(uploadSessions.claimUntil, iso(now))),
      ),
    )
    .run();
  return result.meta.changes === 1;
}

export async function releaseClaim(d1: D1Database, id: string, claim: string): Promise<void> {
  await database(d1)
    .update(uploadSessions)
    .set({ claim: null, claimUntil: null })
    .where(and(eq(uploadSessions.id, id), eq(uploadSessions.claim, claim)))
    .run();
}

/**
 * Records part `part` as received together with the digest state after it,
 * and pushes the expiry out. Only the holder of the claim can do this, and
 * only once: a claim that expired and was taken over records nothing.
 */
export async function commitPart(
  d1: D1Database,
  id: string,
  claim: string,
  part: number,
  etag: string,
  hashState: string,
  expiresAt: string,
  now: number,
): Promise<boolean> {
  const result = await database(d1)
    .update(uploadSessions)
    .set({
      partsReceived: part,
      partEtags: sql`json_insert(${uploadSessions.partEtags}, '$[#]', ${etag})`,
      hashState,
      claim: null,
      claimUntil: null,
      updatedAt: iso(now),
      expiresAt,
    })
    .where(
      and(eq(uploadSessions.id, id), eq(uploadSessions.claim, claim), eq(uploadSessions.partsReceived, part - 1), eq(uploadSessions.status, "open")),
    )
    .run();
  return result.meta.changes === 1;
}

/** Ends an open session as completed or failed; the row stays until it expires so retries get the same answer. */
export async function finishSession(
  d1: D1Database,
  id: string,
  outcome: { status: "completed" | "failed"; failure?: string },
  expiresAt: string,
  now: number,
): Promise<void> {
  await database(d1)
    .update(uploadSessions)
    .set({ status: outcome.status, failure: outcome.failure ?? null, claim: null, claimUntil: null, updatedAt: iso(now), expiresAt })
    .where(and(eq(uploadSessions.id, id), eq(uploadSessions.status, "open")))
    .run();
}

export async function deleteSession(d1: D1Database, id: string): Promise<void> {
  await database(d1).delete(uploadSessions).where(eq(uploadSessions.id, id)).run();
}

/** The oldest sessions past their expiry (the index on expires_at keeps this a range scan). */
export async function expiredSessions(d1: D1Database, now: number, limit: number): Promise<UploadSession[]> {
  return database(d1)
    .select()
    .from(uploadSessions)
    .where(lt(uploadSessions.expiresAt, iso(now)))
    .orderBy(asc(uploadSessions.expiresAt))
    .limit(limit)
    .all();
}
