/**
 * A housekeeping pass walks one R2 prefix (or, for the visibility pass, the
 * rows of D1) from start to end across many invocations. Its cursor (the last key decided) and counters live in D1, in
 * one row per task that also carries a lease, so the cron and the admin API
 * take turns and each resumes where the last one stopped.
 */
import { allows, currentMode } from "../access/mode";
import type { AuditDetail } from "../db/schema";
import type { PassProgress, PassStatus } from "./schemas";

export type Task = "cleanup" | "gc" | "staging" | "visibility";

export interface PassRow {
  task: Task;
  cursor: string | null;
  mark_at: number;
  cutoff_at: number;
  grace_hours: number;
  scanned: number;
  deleted: number;
  kept: number;
  finished_at: number | null;
  /** The step holding the task's lease, and until when (ms); null when none does. */
  held_by?: string | null;
  held_until?: number | null;
}

/** Long enough for one invocation's budget plus its slowest page; short enough that a crashed run frees the task soon. */
export const PASS_LEASE_MS = 90_000;
export const PASS_BUDGET_MS = 25_000;
/** R2 lists and deletes at most 1000 keys per call. */
export const PAGE_SIZE = 1000;

export const ENSURE_PASS_SQL = `INSERT INTO housekeeping_passes (task, mark_at, cutoff_at, finished_at) VALUES (?1, 0, 0, 0)
  ON CONFLICT (task) DO NOTHING`;
export const ACQUIRE_PASS_SQL = `UPDATE housekeeping_passes SET held_by = ?2, held_until = ?3
  WHERE task = ?1 AND (held_by IS NULL OR held_until < ?4) RETURNING *`;
export const START_PASS_SQL = `UPDATE housekeeping_passes SET cursor = NULL, mark_at = ?3, cutoff_at = ?4, grace_hours = ?5,
  scanned = 0, deleted = 0, kept = 0, finished_at = NULL WHERE task = ?1 AND held_by = ?2`;
export const ADVANCE_PASS_SQL = `UPDATE housekeeping_passes SET cursor = ?3, scanned = scanned + ?4, deleted = deleted + ?5,
  kept = kept + ?6, finished_at = ?7, held_until = ?8 WHERE task = ?1 AND held_by = ?2`;
export const RELEASE_PASS_SQL = "UPDATE housekeeping_passes SET held_by = NULL, held_until = NULL WHERE task = ?1 AND held_by = ?2";
export const READ_PASS_SQL = "SELECT * FROM housekeeping_passes WHERE task = ?1";

export interface Page {
  /** The last key this page decided, the cursor for the next one. */
  lastKey: string | null;
  /** False when the page reached the end of the prefix. */
  more: boolean;
  scanned: number;
  deleted: number;
  kept: number;
}

export interface PassOptions {
  /** Dry runs write nothing (no lease, no cursor): the caller passes the cursor and gets the next one back. */
  dryRun: boolean;
  cursor?: string | null;
  budgetMs: number;
  maxObjects: number;
  /** Keys per R2 list; PAGE_SIZE unless a test wants many pages from few objects. */
  pageSize?: number;
  /** A finished pass starts again only this long after it ended (the admin API passes 0). */
  restMs: number;
  /** Sets the new pass's cutoff: mark minus this many hours. */
  graceHours: number;
  now: number;
}

export type { PassProgress, StoppedBy } from "./schemas";

/**
 * Runs pages of `step` until the walk ends or the time or object budget is
 * spent, saving the cursor after every page. A page is decided and acted on
 * before the cursor moves past it, so a crash repeats at most one page, and
 * every decision is idempotent.
 */
export async function runPass(
  env: Env,
  task: Task,
  options: PassOptions,
  step: (pass: PassRow, startAfter: string | null, limit: number) => Promise<Page>,
): Promise<PassProgress> {
  const progress: PassProgress = {
    dry_run: options.dryRun,
    scanned: 0,
    deleted: 0,
    kept: 0,
    cursor: null,
    done: false,
    stopped_by: "done",
    pass: null,
  };
  const owner = `${task}-${crypto.randomUUID()}`;
  const started = Date.now();
  let pass: PassRow;
  if (options.dryRun) {
    pass = freshPass(task, options);
    pass.cursor = options.cursor ?? null;
  } else {
    const acquired = await acquire(env, task, owner, options);
    if (acquired === "busy" || acquired === "resting") return { ...progress, stopped_by: acquired, pass: null };
    pass = acquired;
  }
  try {
    let cursor = pass.cursor;
    for (;;) {
      if (Date.now() - started >= options.budgetMs) {
        progress.stopped_by = "time_budget";
        break;
      }
      const limit = Math.min(options.pageSize ?? PAGE_SIZE, options.maxObjects - progress.scanned);
      if (limit <= 0) {
        progress.stopped_by = "object_budget";
        break;
      }
      // The mode can change at run time; a store switched out of edit mode stops deleting at the next page.
      if (!options.dryRun && !allows(await currentMode(env), "delete")) {
        progress.stopped_by = "storage_mode";
        break;
      }
      const page = await step(pass, cursor, limit);
      progress.scanned += page.scanned;
      progress.deleted += page.deleted;
      progress.kept += page.kept;
      cursor = page.more ? page.lastKey : null;
      progress.done = !page.more;
      if (!options.dryRun) {
        const finishedAt = page.more ? null : Date.now();
        const saved = await env.DB.prepare(ADVANCE_PASS_SQL)
          .bind(task, owner, cursor, page.scanned, page.deleted, page.kept, finishedAt, Date.now() + PASS_LEASE_MS)
          .run();
        if (saved.meta.changes !== 1) {
          progress.stopped_by = "fenced";
          break;
        }
      }
      if (progress.done) break;
    }
    progress.cursor = cursor;
  } finally {
    if (!options.dryRun) await env.DB.prepare(RELEASE_PASS_SQL).bind(task, owner).run();
  }
  if (!options.dryRun) progress.pass = describe(await readPass(env, task));
  return progress;
}

/** A step's counts for its audit row (cron or admin): bounded, so no list of what was deleted. */
export function passFigures(progress: PassProgress): AuditDetail {
  const { dry_run, scanned, deleted, kept, done, stopped_by } = progress;
  return { dry_run, scanned, deleted, kept, done, stopped_by };
}

function freshPass(task: Task, options: PassOptions): PassRow {
  return {
    task,
    cursor: null,
    mark_at: options.now,
    cutoff_at: options.now - options.graceHours * 3_600_000,
    grace_hours: options.graceHours,
    scanned: 0,
    deleted: 0,
    kept: 0,
    finished_at: null,
  };
}

async function acquire(env: Env, task: Task, owner: string, options: PassOptions): Promise<PassRow | "busy" | "resting"> {
  await env.DB.prepare(ENSURE_PASS_SQL).bind(task).run();
  const now = Date.now();
  const row = await env.DB.prepare(ACQUIRE_PASS_SQL)
    .bind(task, owner, now + PASS_LEASE_MS, now)
    .first<PassRow>();
  if (!row) return "busy";
  if (row.finished_at === null) return row;
  if (now - row.finished_at < options.restMs) {
    await env.DB.prepare(RELEASE_PASS_SQL).bind(task, owner).run();
    return "resting";
  }
  const fresh = freshPass(task, options);
  await env.DB.prepare(START_PASS_SQL).bind(task, owner, fresh.mark_at, fresh.cutoff_at, fresh.grace_hours).run();
  return fresh;
}

export async function readPass(env: Env, task: Task): Promise<PassRow | null> {
  return env.DB.prepare(READ_PASS_SQL).bind(task).first<PassRow>();
}

export function describe(row: PassRow | null): PassProgress["pass"] {
  if (!row || row.mark_at === 0) return null;
  return {
    started_at: new Date(row.mark_at).toISOString(),
    grace_hours: row.grace_hours,
    scanned: row.scanned,
    deleted: row.deleted,
    kept: row.kept,
    finished_at: row.finished_at ? new Date(row.finished_at).toISOString() : null,
    cursor: row.cursor,
  };
}

/** The GET answer: the pass, and whether a step (an admin call or the cron) holds it now, for a console watching it. */
export function passStatus(row: PassRow | null, now = Date.now()): PassStatus {
  return { pass: describe(row), running: Boolean(row?.held_by) && (row?.held_until ?? 0) > now };
}
