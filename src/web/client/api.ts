import type { components } from "../../api-types.gen";
import { client, must } from "./api-client";
import { ApiError, authHeaders, BOOKMARK_HEADER, noteBookmark, problemDetail, unauthorized } from "./session";

export { ApiError, session, tokenExpiry } from "./session";

/** The worker's answers, as its OpenAPI document describes them (src/api-types.gen.ts). */
type Schemas = components["schemas"];
export type Part = Schemas["Part"];
export type Attachment = Schemas["Attachment"];
export type SearchResult = Schemas["SearchPage"]["results"][number];
/** What the worker takes (GET /api/limits): the most bytes each kind of request body may have. */
export type Limits = Schemas["Limits"];

const part = (key: string) => ({ params: { path: { key } } });
const attachment = (key: string, id: number) => ({ params: { path: { key, id } } });
const partPath = (key: string) => `/api/parts/${encodeURIComponent(key)}`;

export const api = {
  listParts: (q: string, cursor: string | null) =>
    must(client.GET("/api/parts", { params: { query: { limit: 25, ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) } } })),
  /** Parts and attachments by their text (GET /api/search); `signal` cancels it when a newer search starts. */
  search: (q: string, signal: AbortSignal) => must(client.GET("/api/search", { params: { query: { q, limit: 8 } }, signal })),
  createPart: (name: string) => must(client.POST("/api/parts", { body: { name } })),
  getPart: (key: string) => must(client.GET("/api/parts/{key}", part(key))),
  renamePart: (key: string, name: string) => must(client.PATCH("/api/parts/{key}", { ...part(key), body: { name } })),
  setPrivate: (key: string, value: boolean) => must(client.PATCH("/api/parts/{key}", { ...part(key), body: { private: value } })),
  setCover: (key: string, id: number | null) => must(client.PUT("/api/parts/{key}/cover", { ...part(key), body: { attachment_id: id } })),
  attachments: (key: string) => must(client.GET("/api/parts/{key}/attachments", part(key))),
  renameAttachment: (key: string, id: number, title: string) =>
    must(client.PATCH("/api/parts/{key}/attachments/{id}", { ...attachment(key, id), body: { title } })),
  deleteAttachment: (key: string, id: number) => must(client.DELETE("/api/parts/{key}/attachments/{id}", attachment(key, id))),
  copyAttachment: (key: string, id: number, target: string) =>
    must(client.POST("/api/parts/{key}/attachments/{id}/copy", { ...attachment(key, id), body: { target_part_key: target } })),
  exists: (hashes: string[]) => must(client.POST("/api/cas/exists", { body: { hashes } })),
  /** Attaches a blob the store already has: no byte of the file is sent. */
  attachStored: (key: string, file: File, sha256: string) =>
    must(
      client.POST("/api/parts/{key}/attachments", {
        ...part(key),
        body: { sha256, filename: file.name, ...(file.type ? { content_type: file.type } : {}) },
      }),
    ),
};

let limitsRequest: Promise<Limits | null> | undefined;

/**
 * The worker's body limits, asked once per page load, so a file it would
 * refuse is refused here before a byte of it is sent. Null when they cannot
 * be had: the worker enforces them anyway, and the page shows its answer.
 */
export function limits(): Promise<Limits | null> {
  limitsRequest ??= client
    .GET("/api/limits")
    .then(({ data }) => data ?? null)
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
    xhr.onload = () => {
      noteBookmark(xhr.getResponseHeader(BOOKMARK_HEADER));
      if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText) as T);
      else reject(unauthorized(problemDetail(xhr.status, xhr.responseText)));
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
