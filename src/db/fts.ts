/**
 * Turning text into FTS5 query syntax, for the trigram indexes of
 * migrations/0012_search.sql. The one rule: user text only ever reaches
 * MATCH inside a double-quoted string, with its own double quotes doubled,
 * so `*`, `-`, `NEAR`, `AND`, `col:` and `^` are characters to find, never
 * operators (https://sqlite.org/fts5.html#full_text_query_syntax).
 */

/** A trigram index holds 3-character sequences: a shorter string has none and matches nothing. */
export const MIN_SUBSTRING_CHARS = 3;

/**
 * The indexed text has char(1) and char(2) turned into spaces (they mark
 * highlight()'s matches); a query is treated the same way so it can still
 * find that text.
 */
export function indexedForm(text: string): string {
  return text.replaceAll("\u0001", " ").replaceAll("\u0002", " ");
}

/** Characters, not UTF-16 units: "低消" is 2, and so is a pair of emoji. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** An FTS5 string: a phrase that, with the trigram tokenizer, matches `text` as a substring. */
export function ftsPhrase(text: string): string {
  return `"${indexedForm(text).replaceAll('"', '""')}"`;
}
