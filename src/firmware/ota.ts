import { contentHash } from "../blobs/keys";
import { privateLink } from "../cas/signed-links";
import { config } from "../config";
import { type Database, database } from "../db/client";
import { primaryOf } from "../db/session";
import { getDevice, noteRunningVersion } from "./catalog";
import { compareSemver } from "./semver";

export interface Offer {
  model: string;
  version: string;
  url: string;
  sha256: string;
  size: number;
  app_elf_sha256: string;
  /** esp_app_desc_t.secure_version, null for builds stored before it was recorded (migration 0015). */
  security_version: number | null;
}

type Latest = { id: number; version: string; app_elf_sha256: string; security_version: number | null; sha256: string; size: number };

/**
 * The OTA answer for a device running `running`: the model's newest
 * version when it is newer, else null. "Newer" follows upload order when
 * the running version is one this store knows; for one it does not know
 * (a bench build), semantic versions are compared when both parse, so a
 * device ahead of the store is not downgraded. The binary itself is a
 * signed link to the private app image, valid for at least OTA_LINK_SECONDS:
 * esp_https_ota's partial download (CONFIG_ESP_HTTPS_OTA_ENABLE_PARTIAL_DOWNLOAD)
 * fetches it as many Range requests over a slow link, and every one of them
 * must still verify; the private route serves the ranges.
 *
 * The one read route that writes (the running version, the offer count):
 * the check reads in the request's D1 session (a replica may lag a new
 * upload by a moment, and the next check sees it), but its writes go
 * straight to the primary binding, named here rather than left to D1's
 * forwarding of writes from a replica session.
 */
export async function checkForUpdate(env: Env, db: Database, deviceKey: string, running: string): Promise<Offer | null> {
  const d1 = env.DB;
  const primary = primaryOf(env.DB);
  const device = await getDevice(db, deviceKey);
  await noteRunningVersion(database(primary), deviceKey, running);
  const latest = await d1
    .prepare(
      `SELECT v.id, v.version, v.app_elf_sha256, v.security_version, a.sha256, a.size FROM firmware_versions v
       JOIN firmware_artifacts a ON a.firmware_id = v.id AND a.kind = 'app'
       WHERE v.model_key = ?1 ORDER BY v.id DESC LIMIT 1`,
    )
    .bind(device.modelKey)
    .first<Latest>();
  if (!latest || latest.version === running) return null;
  const known = await d1
    .prepare("SELECT id FROM firmware_versions WHERE model_key = ?1 AND version = ?2")
    .bind(device.modelKey, running)
    .first<{ id: number }>();
  if (!known && compareSemver(latest.version, running) !== undefined && compareSemver(latest.version, running)! <= 0) return null;
  // Signed before the offer is counted: a server without link keys (503) offers nothing.
  const url = await privateLink(env, contentHash.parse(latest.sha256), {}, config(env).otaLinkSeconds);
  // No Analytics Engine binding exists in this store; the offer count lives on the version row.
  await primary.prepare("UPDATE firmware_versions SET downloads = downloads + 1 WHERE id = ?1").bind(latest.id).run();
  return {
    model: device.modelKey,
    version: latest.version,
    url,
    sha256: latest.sha256,
    size: latest.size,
    app_elf_sha256: latest.app_elf_sha256,
    security_version: latest.security_version,
  };
}
