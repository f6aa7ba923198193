import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import * as claims from "../../src/blobs/claims";
import * as cleanup from "../../src/housekeeping/cleanup";
import * as gc from "../../src/housekeeping/gc";
import * as pass from "../../src/housekeeping/pass";
import * as visibility from "../../src/housekeeping/visibility-rows";
import * as batch from "../../src/migration/batch";
import * as row from "../../src/migration/migrate-row";

/** Every D1 statement the batch paths run (migration batch, cleanup, GC, the visibility pass and the upload claim they rely on), as the code runs it. */
const statements: Record<string, string> = {
  "migration: pending rows": batch.PENDING_SQL,
  "migration: forget a failure": batch.FORGET_FAILURE_SQL,
  "migration: row hash": batch.ROW_HASH_SQL,
  "migration: record run": batch.RECORD_RUN_SQL,
  "migration: record failure": batch.RECORD_FAILURE_SQL,
  "migration: point row at blob": row.POINT_ROW_AT_BLOB,
  "migration: point row at blob (fenced)": row.POINT_ROW_AT_BLOB_FENCED,
  "migration: undo point row": row.UNDO_POINT_ROW,
  "cleanup: unmigrated rows": cleanup.UNMIGRATED_SQL,
  "cleanup: rows by legacy key (100)": cleanup.rowsByLegacyKeySql(100),
  "gc: condemn (99)": gc.condemnSql(99),
  "gc: deletable, dry run (99)": gc.deletableSql(99),
  "gc: condemn, private space (99)": gc.condemnSql(99, "private"),
  "gc: deletable, private space, dry run (99)": gc.deletableSql(99, "private"),
  "gc: forget claims (100)": gc.forgetClaimsSql(100),
  ...Object.fromEntries(
    visibility.MOVABLE_TABLES.flatMap((table) => [
      [`visibility: page of ${table}`, visibility.PAGE_SQL[table]],
      [`visibility: point a row of ${table}`, visibility.POINT_ROW_SQL[table]],
    ]),
  ),
  "visibility: claimed at": visibility.CLAIMED_AT_SQL,
  "claim a blob": claims.CLAIM_SQL,
  "claim: condemned?": claims.CONDEMNED_SQL,
  "claim: clear stale condemnation": claims.CLEAR_STALE_SQL,
  "pass: ensure row": pass.ENSURE_PASS_SQL,
  "pass: acquire": pass.ACQUIRE_PASS_SQL,
  "pass: start": pass.START_PASS_SQL,
  "pass: advance": pass.ADVANCE_PASS_SQL,
  "pass: release": pass.RELEASE_PASS_SQL,
  "pass: read": pass.READ_PASS_SQL,
};

/**
 * Scans that read no table: the CTE of bound hashes GC decides on, and the
 * VALUES rows that fill it. Anything else named after SCAN is a table (or an
 * index walked end to end) and fails the test.
 */
const NOT_A_TABLE = [/^SCAN \d+ CONSTANT ROWS?$/, /^SCAN CONSTANT ROW$/, /^SCAN candidate$/];

/**
 * The one index walked end to end, and why that is bounded: the partial index
 * holds only rows not migrated yet, which is none by the time cleanup may run.
 */
const BOUNDED_INDEX_SCANS: Record<string, string> = {
  "cleanup: unmigrated rows": "SCAN a USING INDEX part_attachments_pending",
};

async function plan(sql: string): Promise<string[]> {
  const params = Math.max(0, ...[...sql.matchAll(/\?(\d+)/g)].map((m) => Number(m[1])));
  const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .bind(...Array(params).fill(null))
    .all<{ detail: string }>();
  return results.map((r) => r.detail);
}

describe("EXPLAIN QUERY PLAN of every batch-path query", () => {
  for (const [name, sql] of Object.entries(statements)) {
    it(`${name}: no table scan`, async () => {
      const details = await plan(sql);
      const scans = details.filter((d) => /^SCAN /.test(d) && !NOT_A_TABLE.some((re) => re.test(d)) && d !== BOUNDED_INDEX_SCANS[name]);
      expect(scans, details.join(" | ")).toEqual([]);
    });
  }

  it("GC's decision looks references up through the blob_references view by index, in either space", async () => {
    for (const space of ["public", "private"] as const) {
      const details = await plan(gc.condemnSql(99, space));
      // The row's blob_visibility is read from the row the index finds (one lookup per referencing row).
      expect(details).toContain("SEARCH part_attachments USING INDEX part_attachments_by_sha256 (sha256=?)");
      expect(details).toContain("SEARCH firmware_artifacts USING INDEX firmware_artifacts_by_sha256 (sha256=?)");
      expect(details).toContain("SEARCH coredumps USING INDEX coredumps_by_sha256 (sha256=?)");
    }
    const details = await plan(gc.condemnSql(99));
    expect(details.some((d) => /^SEARCH c USING PRIMARY KEY \(hash=\?\)/.test(d))).toBe(true);
  });

  it("would catch a table scan", async () => {
    expect(await plan("SELECT id FROM part_attachments WHERE title = ?1")).toContain("SCAN part_attachments");
  });
});
