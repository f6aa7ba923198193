import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { encodeCursor, pageQuery } from "../../src/audit/list";
import { PRUNE_AUDIT_SQL } from "../../src/audit/retention";
import type { AuditQuery } from "../../src/audit/schemas";

/** The trail grows by every admin action for a year: no query on it may read it end to end or sort it. */

async function plan(query: { sql: string; params: unknown[] }): Promise<string[]> {
  const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${query.sql}`)
    .bind(...query.params)
    .all<{ detail: string }>();
  return results.map((r) => r.detail);
}

const cursor = encodeCursor({ at: "2026-01-01T00:00:00.000Z", id: 10 });
const window = { since: "2025-01-01T00:00:00.000Z", until: "2026-01-01T00:00:00.000Z" };
/** Each kind of page and the index it must walk: the one whose leading columns its filter fixes. */
const pages: Record<string, [Partial<AuditQuery>, RegExp]> = {
  everything: [{}, /audit_log_by_at/],
  "everything, a later page": [{ cursor }, /audit_log_by_at/],
  "by sub": [{ sub: "sa_x" }, /audit_log_by_sub/],
  "by sub, a later page in a window": [{ sub: "sa_x", cursor, ...window }, /audit_log_by_sub/],
  "by action": [{ action: "gc.run" }, /audit_log_by_action/],
  "by action and sub": [{ action: "gc.run", sub: "cron" }, /audit_log_by_(action|sub)/],
  "a window": [window, /audit_log_by_at/],
};

describe("EXPLAIN QUERY PLAN of the audit trail's queries", () => {
  for (const [name, [filters, index]] of Object.entries(pages)) {
    it(`a page ${name}: walks ${index.source} in order, no sort, no table scan`, async () => {
      const details = await plan(pageQuery(env.DB, { limit: 50, ...filters }).toSQL());
      expect(details.join(" | ")).toMatch(new RegExp(`USING INDEX ${index.source}\\b`));
      expect(
        details.filter((d) => /TEMP B-TREE|^SCAN audit_log$/.test(d)),
        details.join(" | "),
      ).toEqual([]);
    });
  }

  it("retention finds the oldest rows through audit_log_by_at", async () => {
    const details = await plan({ sql: PRUNE_AUDIT_SQL, params: ["2025-01-01T00:00:00.000Z", 1000] });
    expect(details.join(" | ")).toContain("USING COVERING INDEX audit_log_by_at (at<?)");
    expect(
      details.filter((d) => /TEMP B-TREE|^SCAN audit_log$/.test(d)),
      details.join(" | "),
    ).toEqual([]);
  });

  it("would catch a sort", async () => {
    expect((await plan({ sql: "SELECT * FROM audit_log ORDER BY status", params: [] })).join(" | ")).toContain("TEMP B-TREE");
  });
});
