/**
 * The newest D1 bookmark the worker answered with (README "Consistency"),
 * sent back on every later call of this process so that a read sees at
 * least what this process wrote, even when a read replica answers it.
 * Bookmarks sort oldest to newest, so a late answer never moves it back.
 */
const HEADER = "x-d1-bookmark";
let newest: string | undefined;

/** `headers` plus the bookmark, once there is one. */
export function withBookmark(init: HeadersInit = {}): Headers {
  const headers = new Headers(init);
  if (newest !== undefined) headers.set(HEADER, newest);
  return headers;
}

/** Keeps the answer's bookmark when it is newer than the one held. */
export function noteBookmark(res: Response): void {
  const value = res.headers.get(HEADER);
  if (value && (newest === undefined || value > newest)) newest = value;
}
