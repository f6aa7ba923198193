import { type Context, Hono } from "hono";
import { casPath } from "../cas/urls";
import { declaredLength } from "../cas/write";
import type { AppEnv } from "../env";
import { AppError } from "../errors";
import { parseMediaType } from "../http/media-type";
import { readJson } from "../validation";
import { MAX_PART_SIZE } from "./geometry";
import type { Actor } from "./lifecycle";
import { createUploadBody, toUploadResponse, uploadPath } from "./schemas";
import { abortUpload, completeUpload, createUpload, getUpload, putPart } from "./service";

/** Session ids are random UUIDs; anything else cannot name a session. */
const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function sessionId(value: string): string {
  if (!SESSION_ID.test(value)) throw new AppError("not_found", "No such upload session.");
  return value;
}

/** The caller as the guard authenticated it: sessions are bound to its `sub` (see ownSession). */
function actor(c: Context<AppEnv>): Actor {
  const principal = c.var.principal;
  return { sub: principal?.sub ?? "anonymous", admin: principal?.scopes.has("admin") ?? false };
}

function partNumber(value: string): number {
  if (!/^\d{1,5}$/.test(value)) throw new AppError("invalid_parameter", "part: must be a whole number from 1.");
  return Number(value);
}

function notAllowed(allow: string): never {
  throw new AppError("method_not_allowed", `This resource allows ${allow}.`, { Allow: allow });
}

/**
 * Resumable uploads, shaped like S3 multipart uploads (create, upload part,
 * list parts, complete, abort) with tus-style resumption: ask the session
 * which part comes next after a dropped connection.
 */
export const uploadRoutes = new Hono<AppEnv>()
  .post("/", async (c) => {
    const body = await readJson(c, createUploadBody);
    const created = await createUpload(
      c.env,
      {
        sha256: body.sha256,
        size: body.size,
        contentType: body.content_type === undefined ? undefined : parseMediaType(body.content_type, "content_type"),
        partSize: body.part_size,
      },
      actor(c).sub,
    );
    if (created.kind === "exists") {
      const url = casPath(body.sha256);
      return c.json({ sha256: body.sha256, size: created.size, url, status: "completed" }, 200, { "Content-Location": url });
    }
    return c.json(toUploadResponse(created.session), 201, { Location: uploadPath(created.session.id) });
  })
  .all("/", () => notAllowed("POST"))
  .get("/:id", async (c) => c.json(toUploadResponse(await getUpload(c.env, sessionId(c.req.param("id")), actor(c)))))
  .delete("/:id", async (c) => {
    await abortUpload(c.env, sessionId(c.req.param("id")), actor(c));
    return c.body(null, 204);
  })
  .all("/:id", () => notAllowed("GET, DELETE"))
  .put("/:id/parts/:part", async (c) => {
    const id = sessionId(c.req.param("id"));
    const part = partNumber(c.req.param("part"));
    const length = declaredLength(c.req.header("Content-Length") ?? null, MAX_PART_SIZE);
    const session = await putPart(c.env, id, actor(c), { part, length, body: c.req.raw.body });
    return c.json(toUploadResponse(session));
  })
  .all("/:id/parts/:part", () => notAllowed("PUT"))
  .post("/:id/complete", async (c) => {
    const { session, created } = await completeUpload(c.env, sessionId(c.req.param("id")), actor(c));
    const response = toUploadResponse(session);
    return c.json(response, created ? 201 : 200, { Location: response.url! });
  })
  .all("/:id/complete", () => notAllowed("POST"));
