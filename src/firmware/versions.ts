import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client";
import { type FirmwareArtifact, type FirmwareVersion, firmwareArtifacts, firmwareVersions } from "../db/schema";
import { AppError } from "../errors";
import type { CheckedBuild } from "./artifacts";

export interface FirmwareWithArtifacts {
  version: FirmwareVersion;
  artifacts: FirmwareArtifact[];
}

function sameArtifacts(a: FirmwareArtifact[], b: CheckedBuild["artifacts"]): boolean {
  const key = (list: Array<{ name: string; sha256?: string; hash?: string }>) =>
    list
      .map((x) => `${x.name}\0${x.sha256 ?? x.hash}`)
      .sort()
      .join("\n");
  return key(a) === key(b);
}

/**
 * Records a checked build as (model, version). Uploading the same version
 * again is idempotent when every artifact has the same name and hash (the
 * existing row is returned, created=false); different bytes under a version
 * already taken is a conflict. The version and its artifacts are one D1
 * batch, so a failure leaves neither; two racing uploads of one version
 * meet at the UNIQUE constraint.
 */
export async function recordFirmware(db: Database, d1: D1Database, modelKey: string, build: CheckedBuild) {
  const { descriptor: d, artifacts } = build;
  const existing = await findFirmware(db, modelKey, d.version);
  if (existing) return settleExisting(existing, build);
  try {
    await d1.batch([
      d1
        .prepare(
          `INSERT INTO firmware_versions (model_key, version, project_name, idf_ver, build_date, build_time, app_elf_sha256, security_version)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)`,
        )
        .bind(modelKey, d.version, d.projectName, d.idfVer, d.date, d.time, d.appElfSha256, d.secureVersion),
      ...artifacts.map((a) =>
        d1
          .prepare(
            `INSERT INTO firmware_artifacts (firmware_id, name, kind, sha256, size, blob_visibility)
             SELECT id, ?3, ?4, ?5, ?6, 'private' FROM firmware_versions WHERE model_key = ?1 AND version = ?2`,
          )
          .bind(modelKey, d.version, a.name, a.kind, a.hash, a.size),
      ),
    ]);
  } catch (err) {
    const raced = await findFirmware(db, modelKey, d.version);
    if (raced) return settleExisting(raced, build);
    throw err;
  }
  return { firmware: (await findFirmware(db, modelKey, d.version))!, created: true };
}

export function settleExisting(existing: FirmwareWithArtifacts, build: CheckedBuild) {
  if (!sameArtifacts(existing.artifacts, build.artifacts)) {
    throw new AppError(
      "conflict",
      `Version "${build.descriptor.version}" of this model was already uploaded with different bytes; give the new build a new version.`,
    );
  }
  return { firmware: existing, created: false };
}

export async function findFirmware(db: Database, modelKey: string, version: string): Promise<FirmwareWithArtifacts | null> {
  const row = await db.query.firmwareVersions.findFirst({
    where: and(eq(firmwareVersions.modelKey, modelKey), eq(firmwareVersions.version, version)),
  });
  if (!row) return null;
  const artifacts = await db.select().from(firmwareArtifacts).where(eq(firmwareArtifacts.firmwareId, row.id)).orderBy(asc(firmwareArtifacts.name));
  return { version: row, artifacts };
}

export async function getFirmware(db: Database, modelKey: string, version: string): Promise<FirmwareWithArtifacts> {
  const found = await findFirmware(db, modelKey, version);
  if (!found) throw new AppError("not_found", `Model "${modelKey}" has no firmware version "${version}".`);
  return found;
}

/** A model's versions, newest first, with their artifacts. */
export async function listFirmware(db: Database, modelKey: string): Promise<FirmwareWithArtifacts[]> {
  const rows = await db.select().from(firmwareVersions).where(eq(firmwareVersions.modelKey, modelKey)).orderBy(desc(firmwareVersions.id));
  if (rows.length === 0) return [];
  const artifacts = await db
    .select()
    .from(firmwareArtifacts)
    .where(
      inArray(
        firmwareArtifacts.firmwareId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(firmwareArtifacts.name));
  return rows.map((version) => ({ version, artifacts: artifacts.filter((a) => a.firmwareId === version.id) }));
}

/**
 * Keeps the newest `keep` versions of a model, and any older one whose ELF
 * a still-PENDING coredump needs to be read. Only rows go; their blobs are
 * collected by GC once nothing else references them. Both deletes carry the
 * same guard in one batch, so a dump arriving meanwhile is respected.
 */
export async function pruneFirmware(d1: D1Database, modelKey: string, keep: number): Promise<string[]> {
  const doomed = `SELECT id FROM firmware_versions
    WHERE model_key = ?1
      AND id NOT IN (SELECT id FROM firmware_versions WHERE model_key = ?1 ORDER BY id DESC LIMIT ?2)
      AND app_elf_sha256 NOT IN (SELECT app_elf_sha256 FROM coredumps WHERE status = 'PENDING' AND app_elf_sha256 IS NOT NULL)`;
  const [, removed] = await d1.batch<{ version: string }>([
    d1.prepare(`DELETE FROM firmware_artifacts WHERE firmware_id IN (${doomed})`).bind(modelKey, keep),
    d1.prepare(`DELETE FROM firmware_versions WHERE id IN (${doomed}) RETURNING version`).bind(modelKey, keep),
  ]);
  return removed?.results.map((r) => r.version) ?? [];
}
