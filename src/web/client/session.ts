const TOKEN_KEY = "cas-edge.token";

/**
 * The bearer token lives in sessionStorage only: it goes in the
 * Authorization header, never in a URL, and is gone when the tab closes.
 */
export const session = {
  get token(): string | null {
    return sessionStorage.getItem(TOKEN_KEY);
  },
  signIn(token: string): void {
    sessionStorage.setItem(TOKEN_KEY, token);
  },
  signOut(): void {
    sessionStorage.removeItem(TOKEN_KEY);
  },
};

/**
 * When a JWT's `exp` claim says it stops working (ms since the epoch), or
 * null for a static token. Read, not verified: the worker verifies every
 * call; the page only uses it to sign out when the token has run out.
 */
export function tokenExpiry(token: string): number | null {
  const payload = token.split(".")[1];
  if (token.split(".").length !== 3 || !payload) return null;
  try {
    const claims = JSON.parse(atob(payload.replaceAll("-", "+").replaceAll("_", "/"))) as { exp?: unknown };
    return typeof claims.exp === "number" ? claims.exp * 1000 : null;
  } catch {
    return null;
  }
}

/** A failed call, carrying the problem+json `detail` the server wrote for people. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    detail: string,
  ) {
    super(detail);
  }
}

export function problemDetail(status: number, text: string): ApiError {
  try {
    const problem = JSON.parse(text) as { detail?: string; title?: string };
    return new ApiError(status, problem.detail || problem.title || `The server answered ${status}.`);
  } catch {
    return new ApiError(status, `The server answered ${status}${text ? `: ${text.slice(0, 200)}` : "."}`);
  }
}

export const BOOKMARK_HEADER = "x-d1-bookmark";
const BOOKMARK_KEY = "cas-edge.d1-bookmark";

/**
 * The newest D1 bookmark an answer carried (README "Consistency"). Sent back
 * on every call, it makes a read see at least what this tab wrote, even when
 * a read replica answers. Bookmarks sort oldest to newest, so an answer that
 * arrives late never moves it back. Kept for the tab, like the token.
 */
export function noteBookmark(value: string | null): void {
  const held = sessionStorage.getItem(BOOKMARK_KEY);
  if (value && (held === null || value > held)) sessionStorage.setItem(BOOKMARK_KEY, value);
}

export function authHeaders(token = session.token): Record<string, string> {
  const bookmark = sessionStorage.getItem(BOOKMARK_KEY);
  return { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(bookmark ? { [BOOKMARK_HEADER]: bookmark } : {}) };
}

export function unauthorized(error: ApiError): ApiError {
  if (error.status === 401) {
    session.signOut();
    window.dispatchEvent(new CustomEvent("signed-out", { detail: error.message }));
  }
  return error;
}
