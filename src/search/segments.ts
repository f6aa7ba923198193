/** What highlight() and snippet() put around each match (migrations/0012_search.sql keeps both out of the indexed text). */
export const MATCH_OPEN = "\u0001";
export const MATCH_CLOSE = "\u0002";

export interface Segment {
  text: string;
  match: boolean;
}

/**
 * Highlighted text cut into segments, so a client renders matches without
 * parsing markup (and so without a way for indexed text to become markup).
 * Adjacent segments of the same kind are joined; empty ones are dropped.
 * Null when the text holds no match.
 */
export function segmentsOf(highlighted: string | null): Segment[] | null {
  if (highlighted === null || !highlighted.includes(MATCH_OPEN)) return null;
  const segments: Segment[] = [];
  const push = (text: string, match: boolean) => {
    if (text === "") return;
    const last = segments[segments.length - 1];
    if (last && last.match === match) last.text += text;
    else segments.push({ text, match });
  };
  let rest = highlighted;
  while (rest !== "") {
    const open = rest.indexOf(MATCH_OPEN);
    if (open === -1) {
      push(rest, false);
      break;
    }
    push(rest.slice(0, open), false);
    const close = rest.indexOf(MATCH_CLOSE, open + 1);
    const end = close === -1 ? rest.length : close;
    push(rest.slice(open + 1, end), true);
    rest = close === -1 ? "" : rest.slice(close + 1);
  }
  return segments;
}
