import { type Context, Hono } from "hono";
import { z } from "zod";
import { claimBlob, stillStored, vanishedError } from "../blobs/claims";
import { parseMediaType } from "../cas/view";
import { type Database, database } from "../db/client";
import type { Part } from "../db/schema";
import type { AppEnv } from "../env";
import { AppError } from "../errors";
import { ensureThumbnail } from "../images/derived";
import type { LegacyLinkSecrets } from "../migration/legacy-links";
import { parseRowId, parseWith, readJson } from "../validation";
import { validateAttributes, validateAttributesPatch } from "./attributes";
import { ingest } from "./ingest";
import { attachmentJson, partJson, THUMBNAIL_SIZE } from "./responses";
import * as schemas from "./schemas";
import * as service from "./service";
import { describeStoredBlob } from "./stored";
import { readUpload } from "./upload";

function attachmentId(raw: string): number {
  return parseRowId(raw, "attachment");
}

async function partWithCover(db: Database, part: Part, secrets: LegacyLinkSecrets) {
  return partJson(part, (await service.coversOf(db, [part])).get(part.coverAttachmentId ?? 0), secrets);
}

/**
 * Reads an attachment's JSON body: a broken `attributes` member is a 422
 * naming its path (the rule), anything else wrong a 400 from zod.
 */
async function readAttachmentJson<S extends z.ZodType>(c: Context<AppEnv>, schema: S, validate: (value: unknown) => unknown): Promise<z.infer<S>> {
  const body = await readJson(c, z.unknown());
  if (typeof body === "object" && body !== null && "attributes" in body) validate(body.attributes);
  return parseWith(schema, body, "invalid_body");
}

function partKeyOf(raw: string): string {
  if (!schemas.partKey.safeParse(raw).success) throw new AppError("not_found", `No part with key "${raw}".`);
  return raw;
}

/** The blob endpoints CAS replaced, and the field that took each one's place. */
const goneEndpoints: Array<[string, string]> = [
  ["/:key/cover", "cover_url on the part"],
  ["/:key/cover/thumbnail", "cover_url on the part"],
  ["/:key/attachments/:id/download", "download_url on the attachment"],
  ["/:key/attachments/:id/thumbnail", "thumbnail_url on the attachment"],
];

export const partRoutes = new Hono<AppEnv>();

for (const [path, replacement] of goneEndpoints) {
  partRoutes.get(path, () => {
    throw new AppError("gone", `This endpoint was removed; use ${replacement}, a CAS URL the browser can cache forever.`);
  });
}

partRoutes
  .post("/", async (c) => {
    const part = await service.createPart(database(c.env.DB), await readJson(c, schemas.partCreate));
    return c.json(await partJson(part, undefined, c.env), 201, { Location: `/api/parts/${part.key}` });
  })
  .get("/", async (c) => {
    const db = database(c.env.DB);
    const query = parseWith(schemas.listQuery, c.req.query(), "invalid_parameter");
    const { page, nextCursor } = await service.listParts(db, query.limit, query.cursor, query.q || undefined);
    const covers = await service.coversOf(db, page);
    const json = await Promise.all(page.map((p) => partJson(p, covers.get(p.coverAttachmentId ?? 0), c.env)));
    return c.json({ parts: json, next_cursor: nextCursor });
  })
  .get("/:key", async (c) => {
    const db = database(c.env.DB);
    const part = await service.getPart(db, partKeyOf(c.req.param("key")));
    return c.json(await partWithCover(db, part, c.env));
  })
  .patch("/:key", async (c) => {
    const db = database(c.env.DB);
    const part = await service.updatePart(db, partKeyOf(c.req.param("key")), await readJson(c, schemas.partUpdate));
    return c.json(await partWithCover(db, part, c.env));
  })
  .delete("/:key", async (c) => {
    await service.deletePart(database(c.env.DB), partKeyOf(c.req.param("key")));
    return c.body(null, 204);
  })
  .put("/:key/cover", async (c) => {
    const db = database(c.env.DB);
    const { attachment_id } = await readJson(c, schemas.coverBody);
    const part = await service.setCover(db, partKeyOf(c.req.param("key")), attachment_id);
    return c.json(await partWithCover(db, part, c.env));
  })
  .get("/:key/attachments", async (c) => {
    const rows = await service.listAttachments(database(c.env.DB), partKeyOf(c.req.param("key")));
    return c.json(await Promise.all(rows.map((row) => attachmentJson(row, c.env))));
  })
  .post("/:key/attachments", async (c) => {
    const db = database(c.env.DB);
    const key = partKeyOf(c.req.param("key"));
    // Unknown part: refuse before a byte of the body is read.
    await service.getPart(db, key);
    if (/^application\/json\b/i.test(c.req.header("Content-Type") ?? "")) {
      const body = await readJson(c, z.unknown());
      const fields = typeof body === "object" && body !== null ? body : {};
      if ("attributes" in fields) validateAttributes(fields.attributes);
      if ("sha256" in fields) {
        const named = parseWith(schemas.storedBlobAttachmentCreate, body, "invalid_body");
        const type = named.content_type ? parseMediaType(named.content_type, "content_type") : undefined;
        // Claimed first and checked again after the row is written, like any deduplicated upload (GC race).
        await claimBlob(c.env.DB, named.sha256);
        const blob = await describeStoredBlob(c.env.BUCKET, named.sha256, type);
        const row = await service.insertBlobAttachment(db, key, blob, { filename: named.filename, title: named.title, attributes: named.attributes });
        if (!(await stillStored(c.env.BUCKET, blob.hash))) {
          await service.deleteAttachment(db, key, row.id);
          throw vanishedError(blob.hash);
        }
        return c.json(await attachmentJson(row, c.env), 201, { Location: `/api/parts/${key}/attachments/${row.id}` });
      }
      const { url, title, attributes } = parseWith(schemas.urlAttachmentCreate, body, "invalid_body");
      const row = await service.insertAttachment(db, { partKey: key, attachmentType: "url", title: title ?? url, url, attributes });
      return c.json(await attachmentJson(row, c.env), 201);
    }
    const upload = await readUpload(c);
    // An API rule, not a storage one: legacy files of zero bytes still migrate.
    if (upload.length === 0) throw new AppError("invalid_body", "The upload is empty.");
    const blob = await ingest(c.env.BUCKET, c.env.DB, upload).catch(async (err: unknown) => {
      await upload.settle(true);
      throw err;
    });
    await upload.settle(false);
    const row = await service.insertBlobAttachment(db, key, blob, {
      filename: upload.filename ?? null,
      title: upload.title,
      attributes: upload.attributes,
    });
    if (!blob.created && !(await stillStored(c.env.BUCKET, blob.hash))) {
      await service.deleteAttachment(db, key, row.id);
      throw vanishedError(blob.hash);
    }
    if (row.attachmentType === "image") {
      // Make the thumbnail the frontend will ask for now, so its first view is a stored JPEG.
      // An image the decoder refuses is the uploader's data, not a fault: its thumbnail URL
      // answers the problem (413/415/422) when asked; only unexpected failures are logged.
      c.executionCtx.waitUntil(
        ensureThumbnail(c.env.BUCKET, blob.hash, THUMBNAIL_SIZE, c.env.IMAGES).catch((err: unknown) => {
          if (!(err instanceof AppError)) console.warn("thumbnail warm-up failed", blob.hash, String(err));
        }),
      );
    }
    return c.json(await attachmentJson(row, c.env), 201, { Location: `/api/parts/${key}/attachments/${row.id}` });
  })
  .get("/:key/attachments/:id", async (c) => {
    const row = await service.getAttachment(database(c.env.DB), partKeyOf(c.req.param("key")), attachmentId(c.req.param("id")));
    return c.json(await attachmentJson(row, c.env));
  })
  .patch("/:key/attachments/:id", async (c) => {
    const changes = await readAttachmentJson(c, schemas.attachmentUpdate, validateAttributesPatch);
    const row = await service.updateAttachment(database(c.env.DB), partKeyOf(c.req.param("key")), attachmentId(c.req.param("id")), changes);
    return c.json(await attachmentJson(row, c.env));
  })
  .delete("/:key/attachments/:id", async (c) => {
    await service.deleteAttachment(database(c.env.DB), partKeyOf(c.req.param("key")), attachmentId(c.req.param("id")));
    return c.body(null, 204);
  })
  .post("/:key/attachments/:id/copy", async (c) => {
    const { target_part_key } = await readJson(c, schemas.copyBody);
    const row = await service.copyAttachment(database(c.env.DB), partKeyOf(c.req.param("key")), attachmentId(c.req.param("id")), target_part_key);
    return c.json(await attachmentJson(row, c.env), 201);
  });
