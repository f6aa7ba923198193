import type { AttachmentResponse, PartResponse } from "../../attachments/schemas";
import type { SearchPage } from "../../search/schemas";

export type Part = PartResponse;
export type Attachment = AttachmentResponse;

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

export async function problemDetail(status: number, text: string): Promise<ApiError> {
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

export async function call<T>(method: string, path: string, json?: unknown, token?: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: { ...authHeaders(token), ...(json === undefined ? {} : { "Content-Type": "application/json" }) },
      body: json === undefined ? undefined : JSON.stringify(json),
      ...(signal ? { signal } : {}),
    });
  } catch (err) {
    // A request the page cancelled (a newer search replaced it) is not a connection failure.
    if (signal?.aborted) throw err;
    throw new ApiError(0, "The server could not be reached. Check the connection and try again.");
  }
  noteBookmark(res.headers.get(BOOKMARK_HEADER));
  if (!res.ok) throw unauthorized(await problemDetail(res.status, await res.text()));
  return (res.status === 204 ? undefined : await res.json()) as T;
}

const partPath = (key: string) => `/api/parts/${encodeURIComponent(key)}`;

export const api = {
  listParts: (q: string, cursor: string | null) => {
    const query = new URLSearchParams({ limit: "25" });
    if (q) query.set("q", q);
    if (cursor) query.set("cursor", cursor);
    return call<{ parts: Part[]; next_cursor: string | null }>("GET", `/api/parts?${query}`);
  },
  /** Parts and attachments by their text (GET /api/search); `signal` cancels it when a newer search starts. */
  search: (q: string, signal: AbortSignal) =>
    call<SearchPage>("GET", `/api/search?${new URLSearchParams({ q, limit: "8" })}`, undefined, undefined, signal),
  createPart: (name: string) => call<Part>("POST", "/api/parts", { name }),
  getPart: (key: string) => call<Part>("GET", partPath(key)),
  renamePart: (key: string, name: string) => call<Part>("PATCH", partPath(key), { name }),
  setPrivate: (key: string, value: boolean) => call<Part>("PATCH", partPath(key), { private: value }),
  setCover: (key: string, id: number | null) => call<Part>("PUT", `${partPath(key)}/cover`, { attachment_id: id }),
  attachments: (key: string) => call<Attachment[]>("GET", `${partPath(key)}/attachments`),
  renameAttachment: (key: string, id: number, title: string) => call<Attachment>("PATCH", `${partPath(key)}/attachments/${id}`, { title }),
  deleteAttachment: (key: string, id: number) => call<void>("DELETE", `${partPath(key)}/attachments/${id}`),
  copyAttachment: (key: string, id: number, target: string) =>
    call<Attachment>("POST", `${partPath(key)}/attachments/${id}/copy`, { target_part_key: target }),
  exists: (hashes: string[]) => call<{ present: string[]; missing: string[] }>("POST", "/api/cas/exists", { hashes }),
  /** Attaches a blob the store already has: no byte of the file is sent. */
  attachStored: (key: string, file: File, sha256: string) =>
    call<Attachment>("POST", `${partPath(key)}/attachments`, {
      sha256,
      filename: file.name,
      ...(file.type ? { content_type: file.type } : {}),
    }),
};

/** What the worker takes (GET /api/limits): the most bytes each kind of request body may have. */
export interface Limits {
  bodies: { upload: number; part?: number } & Record<string, number>;
}

let limitsRequest: Promise<Limits | null> | undefined;

/**
 * The worker's body limits, asked once per page load, so a file it would
 * refuse is refused here before a byte of it is sent. Null when they cannot
 * be had: the worker enforces them anyway, and the page shows its answer.
 */
export function limits(): Promise<Limits | null> {
  limitsRequest ??= fetch("/api/limits")
    .then((res) => (res.ok ? (res.json() as Promise<Limits>) : null))
    .catch(() => null)
    .then((found) => {
      if (!found) limitsRequest = undefined;
      return found;
    });
  return limitsRequest;
}

/**
 * Sends bytes with XMLHttpRequest, because fetch reports no upload progress.
 * `signal` cancels it (a paused upload): the promise then rejects with the
 * signal's reason, so the caller can tell a pause from a failed connection.
 */
export function sendBytes<T>(
  method: string,
  path: string,
  body: Blob,
  headers: Record<string, string>,
  onProgress: (loaded: number) => void,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, path);
    for (const [name, value] of Object.entries({ ...authHeaders(), ...headers })) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onload = async () => {
      noteBookmark(xhr.getResponseHeader(BOOKMARK_HEADER));
      if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText) as T);
      else reject(unauthorized(await problemDetail(xhr.status, xhr.responseText)));
    };
    xhr.onerror = () => reject(new ApiError(0, "The connection failed while sending the file."));
    xhr.onabort = () => reject(signal?.reason);
    if (signal?.aborted) return reject(signal.reason);
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

/** Sends a file's bytes as one raw body with its hash declared. */
export function uploadBytes(key: string, file: File, sha256: string, onProgress: (fraction: number) => void): Promise<Attachment> {
  const headers = {
    "Content-Type": file.type || "application/octet-stream",
    "X-Content-SHA256": sha256,
    "X-Filename": encodeURIComponent(file.name),
  };
  return sendBytes<Attachment>("POST", `${partPath(key)}/attachments`, file, headers, (loaded) => {
    if (file.size > 0) onProgress(loaded / file.size);
  });
}
