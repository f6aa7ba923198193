import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";

/**
 * Every failure a client can see, with its HTTP status and a short title.
 * Code throws `AppError(code, detail)`; `problemResponse` is the only place
 * that turns one into an RFC 9457 `application/problem+json` body.
 */
export const errorCodes = {
  bad_request: { status: 400, title: "Bad request" },
  invalid_hash: { status: 400, title: "Invalid content hash" },
  invalid_parameter: { status: 400, title: "Invalid query parameter" },
  invalid_body: { status: 400, title: "Invalid request body" },
  digest_mismatch: { status: 400, title: "Body does not match its hash" },
  unauthorized: { status: 401, title: "Missing or wrong bearer token" },
  invalid_token: { status: 401, title: "Invalid access token" },
  forbidden: { status: 403, title: "Token lacks the scope this endpoint needs" },
  storage_mode: { status: 403, title: "Refused by the storage mode" },
  link_invalid: { status: 403, title: "Invalid link" },
  link_expired: { status: 403, title: "Link expired" },
  not_found: { status: 404, title: "Not found" },
  blob_not_found: { status: 404, title: "Blob not found" },
  method_not_allowed: { status: 405, title: "Method not allowed" },
  conflict: { status: 409, title: "Conflict" },
  gone: { status: 410, title: "Gone" },
  length_required: { status: 411, title: "Content-Length required" },
  payload_too_large: { status: 413, title: "Payload too large" },
  image_too_large: { status: 413, title: "Image too large to thumbnail" },
  unsupported_media_type: { status: 415, title: "Unsupported media type" },
  range_not_satisfiable: { status: 416, title: "Range not satisfiable" },
  unprocessable: { status: 422, title: "Unprocessable content" },
  invalid_attributes: { status: 422, title: "Invalid attributes" },
  corrupt_image: { status: 422, title: "Image could not be decoded" },
  internal: { status: 500, title: "Internal error" },
  image_service_failed: { status: 502, title: "The image service failed" },
  storage_unavailable: { status: 503, title: "Storage unavailable" },
  not_ready: { status: 503, title: "Not ready" },
  links_unconfigured: { status: 503, title: "Signed links are not configured" },
  manifests_unconfigured: { status: 503, title: "Update manifests are not configured" },

  thumbnailer_busy: { status: 503, title: "Too many thumbnails in progress" },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof errorCodes;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** Extra response headers the status needs (Allow for 405, Content-Range for 416). */
  readonly headers: Record<string, string>;
  /** RFC 9457 §3.2 extension members (e.g. the failing `path`), added to the body beside the standard ones. */
  readonly extensions: Record<string, unknown>;

  constructor(code: ErrorCode, detail: string, headers: Record<string, string> = {}, extensions: Record<string, unknown> = {}) {
    super(detail);
    this.name = "AppError";
    this.code = code;
    this.status = errorCodes[code].status;
    this.headers = headers;
    this.extensions = extensions;
  }
}

export function problemResponse(error: AppError, method = "GET"): Response {
  const { title } = errorCodes[error.code];
  const body = JSON.stringify({
    ...error.extensions,
    type: `urn:cas-edge:problem:${error.code.replaceAll("_", "-")}`,
    title,
    status: error.status,
    detail: error.message,
  });
  return new Response(method === "HEAD" ? null : body, {
    status: error.status,
    headers: {
      ...error.headers,
      "Content-Type": "application/problem+json",
      // A blob missing now may be uploaded a second later; no error is ever cacheable.
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** Normalises anything thrown into an AppError; an unknown error becomes a bare 500 (handleError logs it). */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException) {
    // Hono's own exceptions (e.g. a malformed JSON body) are client mistakes.
    const code = err.status === 401 ? "unauthorized" : err.status === 404 ? "not_found" : "bad_request";
    return new AppError(code, err.message || errorCodes[code].title);
  }
  return new AppError("internal", "The server failed to handle this request.");
}

/**
 * The app's onError: the client gets the problem; anything that is the
 * server's fault (5xx) goes to `logServerError` with its stack (the app
 * passes the request log's, which adds the request id).
 */
export function handleError(err: unknown, c: Context, logServerError: (err: unknown) => void = (e) => console.error(e)): Response {
  const error = toAppError(err);
  if (error.status >= 500) logServerError(err);
  return problemResponse(error, c.req.method);
}
