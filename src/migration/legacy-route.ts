import { Hono } from "hono";
import { currentMode } from "../access/mode";
import { type LegacyVariant, validLegacySignature } from "../cas/legacy-links";
import type { Attachment } from "../db/schema";
import type { AppEnv } from "../env";
import { AppError } from "../errors";
import { parseRowId } from "../validation";
import { findLegacyRow } from "./legacy-row";
import { serveLegacyObject } from "./legacy-serve";
import { LegacyObjectMissing, migrateRow } from "./migrate-row";

const VARIANTS = new Set<LegacyVariant>(["download", "view", "thumbnail"]);

/**
 * The URL a row's variant has once its blob is in CAS, or null where it has none (attachments/responses.ts):
 * a signed link when the part is private or the row reads the private copy, the public CAS URL otherwise.
 */
export type VariantUrlFor = (env: Env, row: Attachment, variant: LegacyVariant, partPrivate: boolean) => Promise<string | null>;

/**
 * A not-yet-migrated row's link: migrates that one row now, by the same
 * rules as the batch (content-addressed, only while sha256 IS NULL, into
 * the private space when its part is private), and redirects to its CAS
 * URL, or to a signed link for a private file. The redirect itself is never
 * cached: once the row is migrated the API hands out the CAS URL directly,
 * and a signed link expires. In `ro` nothing is migrated: the legacy bytes
 * are served as they are (legacy-serve.ts).
 */
export function legacyRoutes(urlFor: VariantUrlFor) {
  return new Hono<AppEnv>().get("/attachments/:id/:variant", async (c) => {
    const id = parseRowId(c.req.param("id"), "link");
    const variant = c.req.param("variant") as LegacyVariant;
    const sig = c.req.query("sig") ?? "";
    if (!VARIANTS.has(variant) || !(await validLegacySignature(c.env, id, sig))) {
      throw new AppError("not_found", "No such link.");
    }
    let { row, partPrivate } = await findLegacyRow(c.env, id);
    if (row.sha256 === null) {
      if (row.legacyKey === null) throw new AppError("not_found", "The attachment has no file.");
      if ((await currentMode(c.env)) === "ro") {
        return serveLegacyObject(c.env.BUCKET, { key: row.legacyKey, contentType: row.contentType, filename: row.filename }, variant, c.req.method);
      }
      try {
        await migrateRow(c.env, { id, legacyKey: row.legacyKey, contentType: row.contentType, partPrivate }, "on-demand");
      } catch (err) {
        if (err instanceof LegacyObjectMissing) throw new AppError("blob_not_found", "The file of this attachment is missing.");
        throw err;
      }
      ({ row, partPrivate } = await findLegacyRow(c.env, id));
    }
    const target = await urlFor(c.env, row, variant, partPrivate);
    if (target === null) throw new AppError("not_found", `This attachment has no ${variant} link.`);
    return c.redirect(target, 307);
  });
}
