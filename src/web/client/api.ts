import type { components } from "../../api-types.gen";
import { client, must } from "./api-client";
import { ApiError, authHeaders, BOOKMARK_HEADER, noteBookmark, problemDetail, unauthorized } from "./session";

export { ApiError, session } from "./session";

/** The worker's answers, as its OpenAPI document describes them (src/api-types.gen.ts). */
type Schemas = components["schemas"];
export type Part = Schemas["Part"];
export type Attachment = Schemas["Attachment"];
export type SearchResult = Schemas["SearchPage"]["results"][number];
/** What the worker takes (GET /api/limits): the most bytes each kind of request body may have. */
export type Limits = Schemas["Limits"];

const part = (key: string) => ({ params: { path: { key } } });
const attachment = (key: string, id: number) => ({ params: { path: { key, id } } });

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

/** Sends a file's bytes as a raw body with its hash declared; XMLHttpRequest because fetch reports no upload progress. */
export function uploadBytes(key: string, file: File, sha256: string, onProgress: (fraction: number) => void): Promise<Attachment> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/parts/${encodeURIComponent(key)}/attachments`);
    for (const [name, value] of Object.entries(authHeaders())) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader("Content-Type", file.type || "application/octet-stream");
    xhr.setRequestHeader("X-Content-SHA256", sha256);
    xhr.setRequestHeader("X-Filename", encodeURIComponent(file.name));
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      noteBookmark(xhr.getResponseHeader(BOOKMARK_HEADER));
      if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText) as Attachment);
      else reject(unauthorized(problemDetail(xhr.status, xhr.responseText)));
    };
    xhr.onerror = () => reject(new ApiError(0, "The connection failed while sending the file."));
    xhr.send(file);
  });
}
