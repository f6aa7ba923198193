import type { Context } from "hono";
import { z } from "zod";
import { type ContentHash, isContentHash } from "../blobs/keys";
import { declaredLength } from "../cas/write";
import { config } from "../config";
import type { Attributes } from "../db/schema";
import type { AppEnv } from "../env";
import { AppError } from "../errors";
import { sanitizeFilename } from "../http/filename";
import { parseMediaType } from "../http/media-type";
import { parseWith } from "../validation";
import { parseAttributesText } from "./attributes";
import type { IngestInput } from "./ingest";
import { title } from "./schemas";
import { readMultipart } from "./upload-form";

export interface UploadRequest extends IngestInput {
  filename: string | undefined;
  title: string | undefined;
  /**
   * After ingest: resolves once the whole request body has been read and
   * found valid; throws the client's problem otherwise (for a multipart body,
   * whatever came after the file part). `failed` says the ingest threw.
   */
  settle: (failed: boolean) => Promise<void>;
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
  const max = config(c.env).maxUploadBytes;
  const length = declaredLength(c.req.header("Content-Length") ?? null, max);
  const type = c.req.header("Content-Type");
  if (type && /^multipart\/form-data\b/i.test(type)) {
    const form = await readMultipart(c.req.raw.body, type, length);
    try {
      return {
        ...form,
        declaredType: form.fileType ? parseMediaType(form.fileType, "file content type") : undefined,
        declaredHash: declaredHash(form.sha256),
        filename: form.filename === undefined ? undefined : sanitizeFilename(form.filename) || undefined,
        title: uploadTitle(form.title),
        attributes: parseAttributesText(form.attributes, "attributes field"),
      };
    } catch (err) {
      // A bad field: stop the file part's reader before answering.
      await form.settle(true).catch(() => {});
      throw err;
    }
  }

  const filename = c.req.query("filename") ?? decodeHeader(c.req.header("X-Filename"));
  return {
    body: c.req.raw.body,
    length,
    declaredType: type ? parseMediaType(type, "Content-Type") : undefined,
    declaredHash: declaredHash(c.req.header("X-Content-SHA256") ?? c.req.query("sha256")),
    filename: filename === undefined ? undefined : sanitizeFilename(filename) || undefined,
    title: uploadTitle(c.req.query("title")),
    settle: async () => {},
    attributes: parseAttributesText(c.req.header("X-Attributes"), "X-Attributes"),
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
