import { AppError } from "../errors";
import { partPath } from "../http/api-paths";
import { compareKeys, decodeCursor, encodeCursor, type Kind, type SortKey } from "./cursor";
import type { FtsQuery } from "./fts-query";
import type { SearchField, SearchPage, SearchResult } from "./schemas";
import { MATCH_CLOSE, MATCH_OPEN, type Segment, segmentsOf } from "./segments";

/**
 * The bound on ranking. bm25() needs, for each phrase of a query, the number
 * of rows in the whole index that contain it (its IDF), and FTS5 finds that
 * by running the phrase to the end: ranking costs O(matches of the commonest
 * phrase) whatever the LIMIT. So each search first counts, for each phrase
 * and each index, at most SELECTIVE_MATCHES + 1 matches (an early stop, so
 * O(SELECTIVE_MATCHES)); where every phrase has at most SELECTIVE_MATCHES,
 * that index's results are ranked by bm25. Where one has more (a common
 * term: "resistor" in a store of resistors), its results come newest first
 * (descending rowid, which FTS5 walks in order and stops at the page's end),
 * after the ranked ones. Measured locally at 200 000 parts (README "Search"):
 * ranking a term found in every row took ~250 ms, the capped count and a
 * newest-first page a few ms.
 */
export const SELECTIVE_MATCHES = 1000;

/** An FTS5 index, its content, and what its columns are called in an answer (migrations/0012_search.sql). */
export interface Index {
  kind: Kind;
  table: "part_search" | "attachment_search";
  /** bm25 weights of the columns: names and keys count above descriptions. */
  weights: string;
  fields: readonly [SearchField, SearchField, SearchField];
  /** The row a hit stands for, joined by id: its part's key and its title. */
  source: string;
}

const PARTS: Index = {
  kind: 0,
  table: "part_search",
  weights: "10.0, 5.0, 1.0",
  fields: ["name", "key", "description"],
  source: "JOIN parts AS src ON src.id = page.id",
};
const ATTACHMENTS: Index = {
  kind: 1,
  table: "attachment_search",
  weights: "10.0, 5.0, 1.0",
  fields: ["title", "filename", "attributes"],
  source: "JOIN part_attachments AS src ON src.id = page.id",
};
export const INDEXES = [PARTS, ATTACHMENTS] as const;

/** Characters of context snippet() shows around a match in a long field (a trigram token is one character). */
const SNIPPET_TOKENS = 48;

interface Row {
  id: number;
  score: number | null;
  part_key: string;
  title: string;
  f0: string | null;
  f1: string | null;
  f2: string | null;
}

/** A statement as text and parameters, so tests can EXPLAIN QUERY PLAN exactly what runs. */
export interface Statement {
  sql: string;
  params: Array<string | number>;
}

/** For each index and phrase, its matches counted up to SELECTIVE_MATCHES + 1: one row of numbers, parts' first. */
export function selectivityStatement(query: FtsQuery): Statement {
  const counts = INDEXES.flatMap((index) =>
    query.phrases.map(
      (_, i) => `(SELECT count(*) FROM (SELECT 1 FROM ${index.table} WHERE ${index.table} MATCH ?${i + 1} LIMIT ${SELECTIVE_MATCHES + 1}))`,
    ),
  );
  return { sql: `SELECT ${counts.map((count, i) => `${count} AS c${i}`).join(", ")}`, params: query.phrases };
}

/** Each index: whether every phrase of the query matches at most SELECTIVE_MATCHES of its rows. */
async function selectivity(d1: D1Database, query: FtsQuery): Promise<[boolean, boolean]> {
  const { sql, params } = selectivityStatement(query);
  const values = (
    await d1
      .prepare(sql)
      .bind(...params)
      .raw<number[]>()
  )[0]!;
  const n = query.phrases.length;
  return [values.slice(0, n).every((c) => c <= SELECTIVE_MATCHES), values.slice(n).every((c) => c <= SELECTIVE_MATCHES)];
}

/**
 * One page of one index's hits after `cursor`, with the text to show: the
 * page is chosen first (by bm25 or newest first), then each of its rows is
 * read back through the index (MATCH with rowid =, a seek) for highlight()
 * and snippet(), so text is read for the page's rows only.
 */
export function pageStatement(index: Index, query: FtsQuery, ranked: boolean, limit: number, cursor: SortKey | undefined): Statement {
  const { table } = index;
  let after = "";
  const params: Array<string | number> = [query.expression, limit];
  if (cursor && ranked && cursor.ranked) {
    // (score, kind, id) > the cursor's, with this index's kind fixed.
    params.push(cursor.score);
    if (index.kind === cursor.kind) params.push(cursor.id);
    after =
      index.kind > cursor.kind ? "AND score >= ?3" : index.kind < cursor.kind ? "AND score > ?3" : "AND (score > ?3 OR (score = ?3 AND id > ?4))";
  } else if (cursor && !ranked && !cursor.ranked && index.kind === cursor.kind) {
    params.push(cursor.id);
    after = "AND rowid < ?3";
  }
  const page = ranked
    ? `SELECT id, score FROM (SELECT rowid AS id, bm25(${table}, ${index.weights}) AS score FROM ${table} WHERE ${table} MATCH ?1)
       WHERE 1 ${after} ORDER BY score, id LIMIT ?2`
    : `SELECT rowid AS id, NULL AS score FROM ${table} WHERE ${table} MATCH ?1 ${after} ORDER BY rowid DESC LIMIT ?2`;
  const marks = `char(${MATCH_OPEN.charCodeAt(0)}), char(${MATCH_CLOSE.charCodeAt(0)})`;
  return {
    sql: `WITH page AS MATERIALIZED (${page})
       SELECT page.id, page.score, src.${index.kind === 0 ? "key" : "part_key"} AS part_key, src.${index.kind === 0 ? "name" : "title"} AS title,
         highlight(${table}, 0, ${marks}) AS f0, highlight(${table}, 1, ${marks}) AS f1, snippet(${table}, 2, ${marks}, '…', ${SNIPPET_TOKENS}) AS f2
       FROM page CROSS JOIN ${table} ON ${table}.rowid = page.id ${index.source}
       WHERE ${table} MATCH ?1
       ORDER BY ${ranked ? "page.score, page.id" : "page.id DESC"}`,
    params,
  };
}

/** Which pages to read: a ranked index has nothing after a newest-first cursor; a newest-first one nothing after a later kind's. */
function needed(index: Index, ranked: boolean, cursor: SortKey | undefined): boolean {
  if (!cursor) return true;
  if (ranked) return cursor.ranked;
  return cursor.ranked || index.kind >= cursor.kind;
}

function toResult(index: Index, row: Row): SearchResult {
  const fields = [row.f0, row.f1, row.f2];
  const matched = fields.findIndex((text) => segmentsOf(text) !== null);
  const at = matched === -1 ? 0 : matched;
  const snippet: Segment[] = segmentsOf(fields[at] ?? null) ?? [{ text: row.title, match: false }];
  return {
    kind: index.kind === 0 ? "part" : "attachment",
    part_key: row.part_key,
    ...(index.kind === 1 ? { attachment_id: row.id } : {}),
    title: row.title,
    field: index.fields[at]!,
    snippet,
    url: partPath(row.part_key),
  };
}

/**
 * FTS5 refuses some queries at run time ("fts5: syntax error", "unterminated
 * string"); quoting (fts-query.ts) leaves none that should reach here, but if
 * one does it is the client's text at fault: a 400, never a 500.
 */
async function asClientError<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/fts5|unterminated string/i.test(message)) {
      throw new AppError("invalid_parameter", `q: this text cannot be searched (${message.replace(/^D1_ERROR:\s*/, "")}).`);
    }
    throw err;
  }
}

/** GET /api/search: parts and attachments matching every phrase, a page at a time. */
export async function search(d1: D1Database, query: FtsQuery, limit: number, cursorText: string | undefined): Promise<SearchPage> {
  const cursor = cursorText === undefined ? undefined : decodeCursor(cursorText);
  return asClientError(async () => {
    const selective = await selectivity(d1, query);
    const wanted = INDEXES.filter((index) => needed(index, selective[index.kind], cursor));
    const pages =
      wanted.length === 0
        ? []
        : await d1.batch<Row>(
            wanted.map((index) => {
              const { sql, params } = pageStatement(index, query, selective[index.kind], limit + 1, cursor);
              return d1.prepare(sql).bind(...params);
            }),
          );
    const hits = wanted.flatMap((index, i) =>
      pages[i]!.results.map((row) => ({
        key: (selective[index.kind]
          ? { ranked: true, score: row.score!, kind: index.kind, id: row.id }
          : { ranked: false, kind: index.kind, id: row.id }) satisfies SortKey as SortKey,
        result: toResult(index, row),
      })),
    );
    hits.sort((a, b) => compareKeys(a.key, b.key));
    const shown = hits.slice(0, limit);
    return { results: shown.map((hit) => hit.result), next_cursor: hits.length > limit ? encodeCursor(shown[shown.length - 1]!.key) : null };
  });
}
