import { Hono } from "hono";
import { noteAudit } from "../audit/trail";
import { type Database, database } from "../db/client";
import type { Part } from "../db/schema";
import type { AppEnv } from "../env";
import { AppError } from "../errors";
import { attachmentPath, partPath } from "../http/api-paths";
import { parseRowId, parseWith, readJson } from "../validation";
import { copyAttachment } from "./copy";
import { createAttachment } from "./create";
import { readAttachmentCreate, readAttachmentUpdate } from "./requests";
import { attachmentJson, partJson } from "./responses";
import * as schemas from "./schemas";
import * as service from "./service";

function attachmentId(raw: string): number {
  return parseRowId(raw, "attachment");
}

async function partWithCover(db: Database, part: Part, env: Env) {
  return partJson(part, (await service.coversOf(db, [part])).get(part.coverAttachmentId ?? 0), env);
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
    return c.json(await partJson(part, undefined, c.env), 201, { Location: partPath(part.key) });
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
    const { part, privateChanged } = await service.updatePart(db, partKeyOf(c.req.param("key")), await readJson(c, schemas.partUpdate));
    if (privateChanged) noteAudit(c, { private: part.private });
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
    const { part, rows } = await service.listAttachments(database(c.env.DB), partKeyOf(c.req.param("key")));
    return c.json(await Promise.all(rows.map((row) => attachmentJson(row, c.env, part.private))));
  })
  .post("/:key/attachments", async (c) => {
    const key = partKeyOf(c.req.param("key"));
    // Unknown part: refuse before a byte of the body is read.
    const part = await service.getPart(database(c.env.DB), key);
    const row = await createAttachment(c.env, c.executionCtx, part, await readAttachmentCreate(c));
    return c.json(await attachmentJson(row, c.env, part.private), 201, { Location: attachmentPath(key, row.id) });
  })
  .get("/:key/attachments/:id", async (c) => {
    const { row, partPrivate } = await service.findAttachment(database(c.env.DB), partKeyOf(c.req.param("key")), attachmentId(c.req.param("id")));
    return c.json(await attachmentJson(row, c.env, partPrivate));
  })
  .patch("/:key/attachments/:id", async (c) => {
    const changes = await readAttachmentUpdate(c);
    const db = database(c.env.DB);
    const part = await service.getPart(db, partKeyOf(c.req.param("key")));
    const row = await service.updateAttachment(db, part.key, attachmentId(c.req.param("id")), changes);
    return c.json(await attachmentJson(row, c.env, part.private));
  })
  .delete("/:key/attachments/:id", async (c) => {
    await service.deleteAttachment(database(c.env.DB), partKeyOf(c.req.param("key")), attachmentId(c.req.param("id")));
    return c.body(null, 204);
  })
  .post("/:key/attachments/:id/copy", async (c) => {
    const { target_part_key } = await readJson(c, schemas.copyBody);
    const key = partKeyOf(c.req.param("key"));
    const target = await service.getPart(database(c.env.DB), target_part_key);
    const row = await copyAttachment(c.env, key, attachmentId(c.req.param("id")), target);
    return c.json(await attachmentJson(row, c.env, target.private), 201);
  });
