import type { Context } from "hono";
import { type ContentHash, isContentHash } from "../cas/keys";
import { parseMediaType, sanitizeFilename } from "../cas/view";
import { declaredLength, maxUploadBytes } from "../cas/write";
import type { AppEnv } from "../env";
import { AppError } from "../errors";
import type { Attributes } from "../db/schema";
import { parseAttributesText } from "./attributes";
import { parseWith } from "../validation";
import type { IngestInput } from "./ingest";
import { title } from "./schemas";
import { z } from "zod";

/** multipart/form-data is parsed in memory by the runtime, so it is for small files only. */
export const MULTIPART_LIMIT = 10 * 1024 * 1024;

export interface UploadRequest extends IngestInput {
  filename: string | undefined;
  title: string | undefined;
  attributes: Attributes | undefined;
}

/**
 * Reads a file upload in either form the API accepts, without reading the
 * body yet: a raw body (Content-Type, `filename`/`title`/`sha256` in the
 * query or `X-Filename`/`X-Content-SHA256`/`X-Attributes` headers), or a
 * multipart form with a `file` field and optional `title`, `sha256` and
 * `attributes` fields. Attributes are checked here, before a byte is stored.
 */
export async function readUpload(c: Context<AppEnv>): Promise<UploadRequest> {
  const max = maxUploadBytes(c.env);
  const length = declaredLength(c.req.header("Content-Length") ?? null, max);
  const type = c.req.header("Content-Type");
  if (type && /^multipart\/form-data\b/i.test(type)) return readMultipart(c, length);

  const filename = c.req.query("filename") ?? decodeHeader(c.req.header("X-Filename"));
  return {
    body: c.req.raw.body,
    length,
    declaredType: type ? parseMediaType(type, "Content-Type") : undefined,
    declaredHash: declaredHash(c.req.header("X-Content-SHA256") ?? c.req.query("sha256")),
    filename: filename === undefined ? undefined : sanitizeFilename(filename) || undefined,
    title: uploadTitle(c.req.query("title")),
    attributes: parseAttributesText(c.req.header("X-Attributes"), "X-Attributes"),
  };
}

async function readMultipart(c: Context<AppEnv>, length: number): Promise<UploadRequest> {
  if (length > MULTIPART_LIMIT) {
    throw new AppError("payload_too_large", `multipart uploads are limited to ${MULTIPART_LIMIT} bytes; send larger files as a raw body.`);
  }
  let form: FormData;
  try {
    form = await c.req.raw.formData();
  } catch {
    throw new AppError("invalid_body", "The multipart body could not be parsed.");
  }
  const file: unknown = form.get("file");
  if (!(file instanceof File)) throw new AppError("invalid_body", 'file: a multipart upload needs a "file" field holding the file.');
  const title = form.get("title");
  const sha256 = form.get("sha256");
  const attributes = form.get("attributes");
  return {
    body: file.stream(),
    length: file.size,
    declaredType: file.type ? parseMediaType(file.type, "file content type") : undefined,
    declaredHash: declaredHash(typeof sha256 === "string" ? sha256 : undefined),
    filename: sanitizeFilename(file.name) || undefined,
    title: uploadTitle(typeof title === "string" ? title : undefined),
    attributes: parseAttributesText(typeof attributes === "string" ? attributes : undefined, "attributes field"),
  };
}

function uploadTitle(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : parseWith(z.object({ title }), { title: value }, "invalid_parameter").title;
}

function declaredHash(value: string | undefined): ContentHash | undefined {
  if (value === undefined) return undefined;
  if (!isContentHash(value)) throw new AppError("invalid_parameter", "sha256: must be 64 lowercase hex characters.");
  return value;
}

/** X-Filename may carry a percent-encoded UTF-8 name, as headers are ASCII. */
function decodeHeader(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
