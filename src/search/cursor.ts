import { AppError } from "../errors";

/** 0: a part, 1: an attachment (parts come first among equals). */
export type Kind = 0 | 1;

/**
 * Where a result sorts. A kind whose query is selective is ranked: by bm25
 * score (FTS5's is lower for better), then kind, then id. A kind whose query
 * is common (service.ts) is listed newest first, after every ranked result:
 * by kind, then id descending.
 */
export type SortKey = { ranked: true; score: number; kind: Kind; id: number } | { ranked: false; kind: Kind; id: number };

export function compareKeys(a: SortKey, b: SortKey): number {
  if (a.ranked !== b.ranked) return a.ranked ? -1 : 1;
  if (a.ranked && b.ranked && a.score !== b.score) return a.score - b.score;
  if (a.kind !== b.kind) return a.kind - b.kind;
  return a.ranked ? a.id - b.id : b.id - a.id;
}

const invalid = () => new AppError("invalid_parameter", "cursor: must be a next_cursor from a previous page of this search.");

/** The last result's sort key, as an opaque string (base64url JSON). A score survives the round trip: JSON numbers print exactly. */
export function encodeCursor(key: SortKey): string {
  const json = JSON.stringify(key.ranked ? [0, key.score, key.kind, key.id] : [1, 0, key.kind, key.id]);
  return btoa(json).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

export function decodeCursor(text: string): SortKey {
  let value: unknown;
  try {
    value = JSON.parse(atob(text.replaceAll("-", "+").replaceAll("_", "/")));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(value) || value.length !== 4) throw invalid();
  const [tier, score, kind, id] = value as unknown[];
  if ((tier !== 0 && tier !== 1) || (kind !== 0 && kind !== 1)) throw invalid();
  if (typeof score !== "number" || !Number.isFinite(score) || !Number.isSafeInteger(id) || (id as number) < 0) throw invalid();
  return tier === 0 ? { ranked: true, score, kind, id: id as number } : { ranked: false, kind, id: id as number };
}
