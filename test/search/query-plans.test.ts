import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { partsPageQuery } from "../../src/attachments/service";
import { database } from "../../src/db/client";
import type { SortKey } from "../../src/search/cursor";
import { ftsQuery } from "../../src/search/fts-query";
import { INDEXES, pageStatement, selectivityStatement } from "../../src/search/service";

/** Every statement a search runs must find its rows through the FTS5 index: none may read parts or attachments end to end. */

async function plan(query: { sql: string; params: unknown[] }): Promise<string[]> {
  const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${query.sql}`)
    .bind(...query.params)
    .all<{ detail: string }>();
  return results.map((r) => r.detail);
}

function expectIndexed(details: string[], table: string) {
  const text = details.join(" | ");
  expect(text).toMatch(new RegExp(`SCAN ${table} VIRTUAL TABLE INDEX \\d+:M`));
  expect(
    details.filter((d) => /^SCAN (parts|part_attachments|src|candidate)\b/.test(d)),
    text,
  ).toEqual([]);
}

const query = ftsQuery("lm358 dual");
const cursors: Array<[string, SortKey | undefined]> = [
  ["the first page", undefined],
  ["after a ranked part", { ranked: true, score: -1.5, kind: 0, id: 10 }],
  ["after a ranked attachment", { ranked: true, score: -1.5, kind: 1, id: 10 }],
  ["after a newest-first part", { ranked: false, kind: 0, id: 10 }],
  ["after a newest-first attachment", { ranked: false, kind: 1, id: 10 }],
];

describe("EXPLAIN QUERY PLAN of the search statements", () => {
  it("the selectivity probe counts through both indexes", async () => {
    const details = await plan(selectivityStatement(query));
    expectIndexed(details, "part_search");
    expectIndexed(details, "attachment_search");
  });

  for (const index of INDEXES) {
    for (const ranked of [true, false]) {
      for (const [name, cursor] of cursors) {
        it(`${index.table}, ${ranked ? "ranked" : "newest first"}, ${name}: through the index, rows read by id`, async () => {
          const details = await plan(pageStatement(index, query, ranked, 21, cursor));
          expectIndexed(details, index.table);
          const text = details.join(" | ");
          // The page is chosen first; then each of its rows is read back by rowid (FTS5's "=" plan) for its highlights.
          expect(text).toMatch(new RegExp(`SCAN page \\| SCAN ${index.table} VIRTUAL TABLE INDEX \\d+:=M`));
          expect(text).toMatch(/SEARCH src USING INTEGER PRIMARY KEY \(rowid=\?\)/);
          // Newest first is FTS5's own descending rowid order (no sort); only ranking sorts, its capped matches.
          if (!ranked) expect(text).not.toContain("TEMP B-TREE");
        });
      }
    }
  }

  it("GET /api/parts?q= finds names through part_search, first page and later ones", async () => {
    for (const cursor of [undefined, "1234"]) {
      const details = await plan(partsPageQuery(database(env.DB), 50, cursor, "LM358").toSQL());
      expectIndexed(details, "part_search");
      expect(details.join(" | ")).toMatch(/SEARCH parts USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    }
  });

  it("would catch a table scan", async () => {
    const details = await plan({ sql: "SELECT * FROM parts WHERE instr(lower(name), lower(?)) > 0 ORDER BY id LIMIT 51", params: ["lm358"] });
    expect(details.filter((d) => /^SCAN parts\b/.test(d))).not.toEqual([]);
  });
});
