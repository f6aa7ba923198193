import { characterCount, ftsPhrase, MIN_SUBSTRING_CHARS } from "../db/fts";
import { AppError } from "../errors";

/** More terms than this is not a search anyone types; each one is a phrase FTS5 intersects. */
export const MAX_TERMS = 8;

/** A search as FTS5 reads it: one quoted phrase per term, all of them required. */
export interface FtsQuery {
  /** Each term as an FTS5 phrase, e.g. `"LM35"`; the selectivity probe counts them one by one. */
  phrases: string[];
  /** The phrases joined with AND: the MATCH expression. */
  expression: string;
}

/**
 * The user's text as an FTS5 query. Terms are separated by white space (and
 * control characters); each one of at least 3 characters becomes a quoted
 * phrase (src/db/fts.ts), so quotes, `*`, `-`, `NEAR`, `OR` and `col:` are
 * found as text. A term of 1 or 2 characters is left out when the query has
 * a longer one (the trigram index cannot look it up, and a phrase that short
 * would match nothing, emptying the whole AND); a query made only of such
 * terms is a 400, as is one of more than MAX_TERMS terms.
 */
export function ftsQuery(text: string): FtsQuery {
  const terms = [...new Set(text.split(/[\s\p{Cc}]+/u).filter((term) => term !== ""))];
  const usable = terms.filter((term) => characterCount(term) >= MIN_SUBSTRING_CHARS);
  if (usable.length === 0) {
    throw new AppError(
      "invalid_parameter",
      `q: give at least one word of ${MIN_SUBSTRING_CHARS} or more characters (the index finds substrings of ${MIN_SUBSTRING_CHARS} or more; shorter words are ignored).`,
    );
  }
  if (usable.length > MAX_TERMS)
    throw new AppError("invalid_parameter", `q: at most ${MAX_TERMS} words of ${MIN_SUBSTRING_CHARS} or more characters.`);
  const phrases = usable.map(ftsPhrase);
  return { phrases, expression: phrases.join(" AND ") };
}
