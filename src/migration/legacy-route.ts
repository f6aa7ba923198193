import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { currentMode } from "../access/mode";
import { type LegacyVariant, validLegacySignature } from "../cas/legacy-links";
import { database } from "../db/client";
import { type Attachment, partAttachments } from "../db/schema";
import type { AppEnv } from "../env";
import { AppError } from "../errors";
import { parseRowId } from "../validation";
import { serveLegacyObject } from "./legacy-serve";
import { LegacyObjectMissing, migrateRow } from "./migrate-row";

const VARIANTS = new Set<LegacyVariant>(["download", "view", "thumbnail"]);

/** The URL a row's variant has once its blob is in CAS, or null where it has none (attachments/responses.ts). */
export type CasUrlFor = (row: Attachment, variant: LegacyVariant) => string | null;

/**
 * A not-yet-migrated row's link: migrates that one row now, by the same
 * rules as the batch (content-addressed, only while sha256 IS NULL), and
 * redirects to its CAS URL. The redirect itself is never cached: once the
 * row is migrated the API hands out the CAS URL directly. In `ro` nothing is
 * migrated: the legacy bytes are served as they are (legacy-serve.ts).
 */
export function legacyRoutes(casUrlFor: CasUrlFor) {
  return new Hono<AppEnv>().get("/attachments/:id/:variant", async (c) => {
    const id = parseRowId(c.req.param("id"), "link");
    const variant = c.req.param("variant") as LegacyVariant;
    const sig = c.req.query("sig") ?? "";
    if (!VARIANTS.has(variant) || !(await validLegacySignature(c.env, id, sig))) {
      throw new AppError("not_found", "No such link.");
    }
    const db = database(c.env.DB);
    const find = () => db.query.partAttachments.findFirst({ where: eq(partAttachments.id, id) });
    let row = await find();
    if (!row) throw new AppError("not_found", "The attachment no longer exists.");
    if (row.sha256 === null) {
      if (row.legacyKey === null) throw new AppError("not_found", "The attachment has no file.");
      if ((await currentMode(c.env)) === "ro") {
        return serveLegacyObject(c.env.BUCKET, { key: row.legacyKey, contentType: row.contentType, filename: row.filename }, variant, c.req.method);
      }
      try {
        await migrateRow(c.env, { id, legacyKey: row.legacyKey, contentType: row.contentType }, "on-demand");
      } catch (err) {
        if (err instanceof LegacyObjectMissing) throw new AppError("blob_not_found", "The file of this attachment is missing.");
        throw err;
      }
      row = await find();
      if (!row) throw new AppError("not_found", "The attachment no longer exists.");
    }
    const target = casUrlFor(row, variant);
    if (target === null) throw new AppError("not_found", `This attachment has no ${variant} link.`);
    return c.redirect(target, 307);
  });
}
