import { z } from "zod";
import { contentHash } from "../blobs/keys";
import { characterCount, MIN_SUBSTRING_CHARS } from "../db/fts";
import { attachmentTypes } from "../db/schema";
import { sanitizeFilename } from "../http/filename";
import { THUMBNAIL_SIZE, THUMBNAIL_SIZE_HIDPI, THUMBNAIL_TYPE } from "../images/thumbnail-spec";
import { attributesObject, attributesPatch } from "./attributes";

/**
 * Request and response shapes of the parts and attachments API. Routes
 * validate with these and the OpenAPI document is generated from them.
 */
export const partKey = z.string().regex(/^[a-z0-9]{1,32}$/, "must be 1-32 lowercase letters or digits");

/** A private part's attachments are private blobs, read only through signed, expiring links. */
const privateFlag = z
  .boolean()
  .describe("Private: the part's files are stored privately and its answers carry signed, expiring links instead of public CAS URLs");

export const partCreate = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(10_000).nullable().optional(),
  private: privateFlag.optional().describe("Private part (default false): see the Part's `private`"),
});

export const partUpdate = partCreate.partial().refine((v) => Object.keys(v).length > 0, "give at least one of name, description, private");

export const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  q: z
    .string()
    .trim()
    .max(200)
    .refine((q) => q === "" || characterCount(q) >= MIN_SUBSTRING_CHARS, `must be empty or at least ${MIN_SUBSTRING_CHARS} characters`)
    .optional()
    .describe(`Only parts whose name contains this text (case-insensitive for ASCII); at least ${MIN_SUBSTRING_CHARS} characters`),
  cursor: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, "must be a next_cursor from a previous page")
    .optional(),
});

export const MAX_TITLE_CHARS = 255;

/**
 * Every write path takes titles and filenames through these two, so none
 * can store CR/LF or other control characters (a filename ends up in
 * Content-Disposition) or an unbounded string.
 */
export const title = z
  .string()
  .max(MAX_TITLE_CHARS * 4)
  .transform((v) => v.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ").trim())
  .pipe(z.string().min(1, "must not be empty").max(MAX_TITLE_CHARS, `must be at most ${MAX_TITLE_CHARS} characters`));

export const filename = z.string().max(1024).transform(sanitizeFilename).pipe(z.string().min(1, "must name a file"));

/** GET /api/attachments (attr.<key> filters are read beside these: their names are open-ended). */
export const attachmentSearchQuery = z.strictObject({
  part: partKey.optional(),
  type: z
    .string()
    .toLowerCase()
    .regex(/^(\*\/\*|[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/(\*|[a-z0-9][a-z0-9!#$&^_.+-]{0,126}))$/, "must be a media range such as image/* or image/png")
    .optional(),
  limit: listQuery.shape.limit,
  cursor: listQuery.shape.cursor,
});

export const urlAttachmentCreate = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).max(2048),
  title: title.optional(),
  attributes: attributesObject.optional(),
});

/**
 * Attaches a blob the store already has, named by its hash, with no body: a
 * client that hashed a file and learned from POST /api/cas/exists that it is
 * stored sends this instead of the bytes.
 */
export const storedBlobAttachmentCreate = z.strictObject({
  sha256: contentHash,
  filename,
  title: title.optional(),
  content_type: z.string().max(255).optional().describe("The file's type as the client knows it; the bytes decide for images and PDFs"),
  attributes: attributesObject.optional(),
});

/**
 * PATCH of an attachment, sent as application/json or application/merge-patch+json
 * (same meaning): title and filename are replaced, attributes merged (RFC 7396).
 */
export const attachmentUpdate = z
  .strictObject({
    title: title.optional(),
    filename: filename.optional(),
    attributes: attributesPatch.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, "give at least one of title, filename, attributes");

export const coverBody = z.strictObject({ attachment_id: z.number().int().positive().nullable() });

export const copyBody = z.strictObject({ target_part_key: partKey });

export const attachmentResponse = z.object({
  id: z.number().int(),
  part_key: z.string(),
  attachment_type: z.enum(attachmentTypes),
  title: z.string(),
  filename: z.string().nullable(),
  content_type: z.string().nullable(),
  size: z.number().int().nullable(),
  url: z.string().nullable().describe("The link of a URL attachment; null for files"),
  download_url: z.string().nullable().describe("CAS URL that downloads the file; a signed, expiring link when the file is private"),
  view_url: z.string().nullable().describe("CAS URL that shows the file inline, where that is safe; signed when the file is private"),
  thumbnail_url: z
    .string()
    .nullable()
    .describe(`CAS URL of a ${THUMBNAIL_SIZE} px thumbnail (${THUMBNAIL_TYPE}), for images; signed when the file is private`),
  thumbnail_srcset: z
    .string()
    .nullable()
    .describe(
      `An <img srcset> value: the thumbnail_url at 1x and a ${THUMBNAIL_SIZE_HIDPI} px thumbnail at 2x, for high-DPI screens; null where thumbnail_url is`,
    ),
  attributes: attributesObject,
  attributes_schema_version: z.number().int().describe("Layout version of attributes; 1 is a flat JSON object"),
  created_at: z.string(),
});

export const attachmentList = z.object({ attachments: z.array(attachmentResponse), next_cursor: z.string().nullable() });

export const partResponse = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  cover_attachment_id: z.number().int().nullable(),
  cover_url: z.string().nullable().describe("Thumbnail URL of the cover image (a signed link for a private part), or null"),
  private: privateFlag,
  created_at: z.string(),
  updated_at: z.string(),
});

export const partList = z.object({ parts: z.array(partResponse), next_cursor: z.string().nullable() });

export type AttachmentResponse = z.infer<typeof attachmentResponse>;
export type PartResponse = z.infer<typeof partResponse>;
