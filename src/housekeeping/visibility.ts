import { blobKey, type ContentHash, derivedKey, isContentHash, type Visibility } from "../blobs/keys";
import { claimStored, store } from "../blobs/store";
import type { AuditDetail } from "../db/schema";
import { THUMBNAIL_PREFIX } from "../images/thumbnail-spec";
import { condemnSql, deleteKeys, forgetClaims } from "./gc";
import { type PassOptions, passFigures, runPass } from "./pass";
import type { PassProgress, VisibilityProgress } from "./schemas";
import { CLAIMED_AT_SQL, cursorOf, type MovableTable, nextTable, PAGE_SQL, POINT_ROW_SQL, parseCursor, type WalkedRow } from "./visibility-rows";

/** Rows per page: most need nothing, but one that moves costs a copy and a few round trips. */
export const VISIBILITY_PAGE_ROWS = 100;

type Counts = Omit<VisibilityProgress, keyof PassProgress | "grace_hours">;

interface Move {
  table: MovableTable;
  id: number;
  hash: ContentHash;
  from: Visibility;
  to: Visibility;
}

/**
 * One budgeted step of the visibility pass: it walks every row that names a
 * blob (visibility-rows.ts) and moves the ones that read the wrong copy: a
 * coredump or firmware artifact still reading cas/, a private part's
 * attachment reading cas/, a public part's attachment reading private/cas/.
 * The cursor is a row (`<table>:<rowid>`); the budget counts rows walked.
 */
export async function moveVisibility(env: Env, options: PassOptions): Promise<VisibilityProgress> {
  const counts: Counts = { moved: [], copied: 0, kept_source: 0, missing: 0, thumbnails_deleted: 0 };
  const started = Date.now();
  const paged = { ...options, pageSize: options.pageSize ?? VISIBILITY_PAGE_ROWS };
  const progress = await runPass(env, "visibility", paged, async (pass, startAfter, limit) => {
    const { table, after } = parseCursor(startAfter);
    const { results } = await env.DB.prepare(PAGE_SQL[table]).bind(after, limit).all<WalkedRow>();
    let scanned = 0;
    let deleted = 0;
    let moved = 0;
    let last = after;
    for (const row of results) {
      // A page of moves can take a while (each copies bytes): the time budget is checked per row too.
      if (scanned > 0 && Date.now() - started >= options.budgetMs) break;
      scanned++;
      last = row.id;
      if (row.hash === null || !isContentHash(row.hash) || row.visibility === row.wanted) continue;
      const move: Move = { table, id: row.id, hash: row.hash, from: row.visibility, to: row.wanted };
      if (options.dryRun) {
        counts.moved.push(cursorOf(table, row.id));
        moved++;
        continue;
      }
      const outcome = await moveRow(env, move, pass.cutoff_at);
      if (outcome === "missing") counts.missing++;
      if (typeof outcome !== "object") continue;
      counts.moved.push(cursorOf(table, row.id));
      moved++;
      if (outcome.copied) counts.copied++;
      if (outcome.sourceDeleted) deleted++;
      else counts.kept_source++;
      counts.thumbnails_deleted += outcome.thumbnails;
    }
    const tableDone = scanned === results.length && results.length < limit;
    const next = tableDone ? nextTable(table) : cursorOf(table, last);
    return { lastKey: next, more: next !== null, scanned, deleted, kept: scanned - moved };
  });
  return { ...progress, grace_hours: options.graceHours, ...counts };
}

/** A step's counts for its audit row (cron or admin): bounded, so the moved rows are counted, not listed. */
export function visibilityFigures(progress: VisibilityProgress): AuditDetail {
  const { moved, copied, kept_source, missing, thumbnails_deleted } = progress;
  return { ...passFigures(progress), moved: moved.length, copied, kept_source, missing, thumbnails_deleted };
}

type Outcome = { copied: boolean; sourceDeleted: boolean; thumbnails: number } | "missing" | "changed";

/**
 * Moves one row to the copy it should read:
 * 1. the hash is claimed and the target copy, when absent, written by
 *    store() from the source copy's stream (a re-run finds it and copies
 *    nothing);
 * 2. the row is pointed at it (guarded: a row changed meanwhile stays);
 * 3. the source copy goes only when GC's condemn statement, for the source
 *    space, finds no row reading it there and no claim newer than this
 *    move's own, so an upload racing the move keeps it. Claims are one
 *    timestamp per hash, and the move's own claim is recent by definition:
 *    the claim is read before the move claims (an upload since the pass's
 *    cutoff keeps the source), the move claims once (store() is told so) and
 *    notes the time after, and the condemnation counts claims after that.
 *    An upload whose claim lands within the move's own claim round trip is
 *    not seen; it is the case GC's uploads already handle (a dedup upload
 *    re-checks its blob after writing its row, claims.ts stillStored).
 */
async function moveRow(env: Env, move: Move, cutoff: number): Promise<Outcome> {
  const { hash, from, to } = move;
  const db = env.DB;
  const prior = await db.prepare(CLAIMED_AT_SQL).bind(hash).first<{ claimed_at: number }>();
  const keepSource = prior !== null && prior.claimed_at >= cutoff;
  const there = await claimStored(env.BUCKET, db, hash, to);
  const own = Date.now();
  let copied = false;
  if (!there) {
    const source = await env.BUCKET.get(blobKey(hash, from));
    if (!source) {
      console.warn(`visibility: ${move.table} row ${move.id} names ${hash}, which is in neither space; left as it is`);
      return "missing";
    }
    const body = source.body;
    await store(env.BUCKET, db, { body, length: source.size, hash, visibility: to, contentType: source.httpMetadata?.contentType, claimed: true });
    copied = true;
  }
  const pointed = await db.prepare(POINT_ROW_SQL[move.table]).bind(move.id, to, from, hash).run();
  if (pointed.meta.changes !== 1) return "changed";
  if (keepSource) return { copied, sourceDeleted: false, thumbnails: 0 };
  const condemned = await db
    .prepare(condemnSql(1, from))
    .bind(own + 1, hash)
    .all();
  if (condemned.results.length === 0) return { copied, sourceDeleted: false, thumbnails: 0 };
  const thumbnails = await keysUnder(env.BUCKET, derivedKey(`${THUMBNAIL_PREFIX}${hash}`, from));
  await deleteKeys(env.BUCKET, [blobKey(hash, from), ...thumbnails]);
  await forgetClaims(db, [hash]);
  return { copied, sourceDeleted: true, thumbnails: thumbnails.length };
}

/** Every key under a prefix: a blob's thumbnails and its undecodable marker (thumbnails/<hash>_<N>.jpg, thumbnails/<hash>.undecodable). */
async function keysUnder(bucket: R2Bucket, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await bucket.list({ prefix, cursor, limit: 1000 });
    keys.push(...page.objects.map((o) => o.key));
    if (!page.truncated) return keys;
    cursor = page.cursor;
  }
}
