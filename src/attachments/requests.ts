import type { Context } from "hono";
import { z } from "zod";
import type { ContentHash } from "../blobs/keys";
import type { Attributes } from "../db/schema";
import type { AppEnv } from "../env";
import { AppError } from "../errors";
import { parseMediaType } from "../http/media-type";
import { parseWith, readJson } from "../validation";
import { validateAttributes, validateAttributesPatch } from "./attributes";
import * as schemas from "./schemas";
import { readUpload, type UploadRequest } from "./upload";

/** What a POST /api/parts/:key/attachments asks for, validated. An upload's file is not read yet. */
export type AttachmentCreate =
  | { kind: "url"; url: string; title: string | undefined; attributes: Attributes | undefined }
  | {
      kind: "stored";
      hash: ContentHash;
      contentType: string | undefined;
      filename: string;
      title: string | undefined;
      attributes: Attributes | undefined;
    }
  | { kind: "upload"; upload: UploadRequest };

/**
 * A JSON body names a URL, or a blob the store already has (`sha256`);
 * any other body is a file (upload.ts reads its form or headers, not its
 * bytes).
 */
export async function readAttachmentCreate(c: Context<AppEnv>): Promise<AttachmentCreate> {
  if (!/^application\/json\b/i.test(c.req.header("Content-Type") ?? "")) {
    const upload = await readUpload(c);
    // An API rule, not a storage one: legacy files of zero bytes still migrate.
    if (upload.length === 0) throw new AppError("invalid_body", "The upload is empty.");
    return { kind: "upload", upload };
  }
  const body = await readAttributedJson(c, validateAttributes);
  if (typeof body === "object" && body !== null && "sha256" in body) {
    const named = parseWith(schemas.storedBlobAttachmentCreate, body, "invalid_body");
    return {
      kind: "stored",
      hash: named.sha256 as ContentHash,
      contentType: named.content_type ? parseMediaType(named.content_type, "content_type") : undefined,
      filename: named.filename,
      title: named.title,
      attributes: named.attributes,
    };
  }
  const { url, title, attributes } = parseWith(schemas.urlAttachmentCreate, body, "invalid_body");
  return { kind: "url", url, title, attributes };
}

/** PATCH of an attachment: a rename, or an RFC 7396 merge patch of its attributes. */
export async function readAttachmentUpdate(c: Context<AppEnv>) {
  return parseWith(schemas.attachmentUpdate, await readAttributedJson(c, validateAttributesPatch), "invalid_body");
}

/**
 * A JSON body whose `attributes` member is checked before its shape: a
 * broken one is a 422 naming its path (the rule), anything else
 * wrong a 400 from zod afterwards.
 */
async function readAttributedJson(c: Context<AppEnv>, validate: (value: unknown) => unknown): Promise<unknown> {
  const body = await readJson(c, z.unknown());
  if (typeof body === "object" && body !== null && "attributes" in body) validate(body.attributes);
  return body;
}
