/**
 * The queries bench:query times: the API path a user calls and, for the
 * listings, the statements the worker runs for it (src/attachments/service.ts
 * and search.ts, with the index expressions taken from src/db/schema.ts), so
 * the benchmark can print their plans and the rows D1 reads for them.
 * test/attachments/listings.explain.test.ts checks the worker's own
 * statements; these copies are for the figures.
 */
import type { D1Database } from "@cloudflare/workers-types/index.ts";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import { attributeValueOf, mediaTypeOf } from "../../src/db/schema.ts";
import { batchFor, COMMON_WORD, PART_NUMBER_PREFIX, partKeyFor, RARE_WORD, reelFor } from "../lib/scale-catalog.ts";

export interface Statement {
  sql: string;
  params: unknown[];
}

export interface QueryCase {
  name: string;
  path: string;
  /** Held to the targets (p95 ≤ 20 ms at 1M, under 3× from the smallest size). */
  indexed: boolean;
  /** Null: the statements live elsewhere (the search route's own tests show its plans). */
  statements: Statement[] | null;
}

const expression = (sql: Parameters<SQLiteSyncDialect["sqlToQuery"]>[0]) => new SQLiteSyncDialect().sqlToQuery(sql).sql;
const PAGE = 50;
const DEEP_PAGE = 1000;
const DEEP_PAGE_SIZE = 10;
/** An attachment row with its part's private flag, as searchAttachments selects it. */
const ATTACHMENT_ROW = "SELECT *, (SELECT private FROM parts WHERE parts.key = part_attachments.part_key) AS part_private FROM part_attachments";

/** The cursor of page 1000 at 10 a page: the id of the 9 990th part (of the last page, in a smaller state). */
export async function deepPageCursor(db: D1Database, parts: number): Promise<number> {
  const row = await db
    .prepare("SELECT id FROM parts ORDER BY id LIMIT 1 OFFSET ?")
    .bind(Math.max(0, Math.min((DEEP_PAGE - 1) * DEEP_PAGE_SIZE, parts - DEEP_PAGE_SIZE) - 1))
    .first<{ id: number }>();
  if (!row) throw new Error("no parts to page through");
  return row.id;
}

/** The cases for a state of `parts` seeded parts; `cursor` from deepPageCursor. */
export function queryCases(parts: number, cursor: number): QueryCase[] {
  const key = partKeyFor(Math.floor(parts / 2));
  const batch = batchFor(42);
  const reel = reelFor(42);
  const attachmentsWhere = (where: string, params: unknown[]): Statement => ({
    sql: `${ATTACHMENT_ROW} WHERE ${where} AND id > ? ORDER BY id LIMIT ?`,
    params: [...params, 0, PAGE + 1],
  });
  const search = (name: string, q: string): QueryCase => ({ name, path: `/api/search?q=${encodeURIComponent(q)}`, indexed: true, statements: null });
  return [
    {
      name: "list parts, first page",
      path: `/api/parts?limit=${PAGE}`,
      indexed: true,
      statements: [{ sql: "SELECT * FROM parts WHERE id > ? ORDER BY id LIMIT ?", params: [0, PAGE + 1] }],
    },
    {
      name: `list parts, page ${DEEP_PAGE} (${DEEP_PAGE_SIZE} a page)`,
      path: `/api/parts?limit=${DEEP_PAGE_SIZE}&cursor=${cursor}`,
      indexed: true,
      statements: [{ sql: "SELECT * FROM parts WHERE id > ? ORDER BY id LIMIT ?", params: [cursor, DEEP_PAGE_SIZE + 1] }],
    },
    search(`search, rare word "${RARE_WORD}"`, RARE_WORD),
    search(`search, common word "${COMMON_WORD}"`, COMMON_WORD),
    search(`search, part number substring "${PART_NUMBER_PREFIX}"`, PART_NUMBER_PREFIX),
    {
      name: "attachments of a part",
      path: `/api/parts/${key}/attachments`,
      indexed: true,
      statements: [
        { sql: "SELECT * FROM parts WHERE key = ?", params: [key] },
        { sql: "SELECT * FROM part_attachments WHERE part_key = ? ORDER BY id", params: [key] },
      ],
    },
    {
      name: "attachments, type=image/*",
      path: "/api/attachments?type=image/*",
      indexed: true,
      statements: [attachmentsWhere(`${expression(mediaTypeOf)} = ?`, ["image/"])],
    },
    {
      name: `attachments, attr.batch=${batch} (indexed)`,
      path: `/api/attachments?attr.batch=${batch}`,
      indexed: true,
      statements: [attachmentsWhere(`${expression(attributeValueOf("batch"))} = ?`, [JSON.stringify(batch)])],
    },
    {
      name: `attachments, attr.reel=${reel} (not indexed)`,
      path: `/api/attachments?attr.reel=${reel}`,
      indexed: false,
      statements: [attachmentsWhere(`${expression(attributeValueOf("reel"))} = ?`, [JSON.stringify(reel)])],
    },
  ];
}

export interface StatementFigures {
  plan: string[];
  rowsRead: number;
}

/** Each statement's EXPLAIN QUERY PLAN and the rows D1 says it read (meta.rows_read). */
export async function statementFigures(db: D1Database, statements: Statement[]): Promise<StatementFigures[]> {
  const figures: StatementFigures[] = [];
  for (const { sql, params } of statements) {
    const { results } = await db
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .bind(...params)
      .all<{ detail: string }>();
    const run = await db
      .prepare(sql)
      .bind(...params)
      .all();
    figures.push({ plan: results.map((r) => r.detail), rowsRead: run.meta.rows_read ?? Number.NaN });
  }
  return figures;
}
