import { contentHash } from "../blobs/keys";
import { privateLink } from "../cas/signed-links";
import { config } from "../config";
import type { Database } from "../db/client";
import { primaryOf } from "../db/session";
import { AppError } from "../errors";
import { runningVersionUpdate } from "./catalog";
import { CANDIDATES_SQL, type Candidate, type ModelVersion, type OtaDevice, targetFor } from "./rollouts/offer";
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
  /** The rollout that offers it; null for a pinned device or a model no rollout holds. */
  rollout_id: number | null;
  /** True for a rollback rollout or a pin: the device may install a version older than its own. */
  allow_downgrade: boolean;
}

type Version = ModelVersion & { app_elf_sha256: string; security_version: number | null; sha256: string | null; size: number | null };

/**
 * The OTA answer for a device running `running`: the version its pin, its
 * rollout or the model's default names (src/firmware/rollouts/offer.ts),
 * when that is newer than what it runs (or a downgrade is allowed), else
 * null. "Newer" follows upload order when the running version is one this
 * store knows; for one it does not know (a bench build), semantic versions
 * are compared when both parse, so a device ahead of the store is not
 * downgraded. The binary itself is a signed link to the private app image,
 * valid for at least OTA_LINK_SECONDS: esp_https_ota's partial download
 * (CONFIG_ESP_HTTPS_OTA_ENABLE_PARTIAL_DOWNLOAD) fetches it as many Range
 * requests over a slow link, and every one of them must still verify; the
 * private route serves the ranges. The route signs the offer into a
 * manifest (manifest.ts), rollout id and downgrade permission included.
 *
 * Every device checks in, so the check is two trips to D1 whatever it
 * finds: one batch reads the device, its model's started rollouts (with its
 * row under each) and the model's versions; one batch notes the running
 * version and writes the offer. Neither reads rows in proportion to the
 * fleet. This is the one read route that writes: the reads run in the
 * request's D1 session (a replica may lag an upload or a pause by a moment,
 * and the next check sees it), the writes and a stage's advance go straight
 * to the primary binding, named here rather than left to D1's forwarding of
 * writes from a replica session.
 */
export async function checkForUpdate(env: Env, db: Database, deviceKey: string, running: string): Promise<Offer | null> {
  // The D1 binding behind `db`: the route hands in one that counts rows read, on the session and on the primary.
  const d1 = db.$client;
  const primary = primaryOf(d1);
  const [found, candidates, versions] = await d1.batch([
    d1.prepare("SELECT key, model_key, tags, pinned_version FROM devices WHERE key = ?1").bind(deviceKey),
    d1.prepare(CANDIDATES_SQL).bind(deviceKey),
    d1
      .prepare(
        `SELECT v.id, v.version, v.app_elf_sha256, v.security_version, a.sha256, a.size,
                EXISTS (SELECT 1 FROM rollouts r WHERE r.model_key = v.model_key AND r.version = v.version) AS named
         FROM firmware_versions v LEFT JOIN firmware_artifacts a ON a.firmware_id = v.id AND a.kind = 'app'
         WHERE v.model_key = (SELECT model_key FROM devices WHERE key = ?1) ORDER BY v.id DESC`,
      )
      .bind(deviceKey),
  ]);
  const row = found!.results[0] as (Omit<OtaDevice, "tags"> & { tags: string }) | undefined;
  if (!row) throw new AppError("not_found", `No device "${deviceKey}".`);
  const device: OtaDevice = { ...row, tags: JSON.parse(row.tags) as string[] };
  const all = versions!.results as Version[];
  const noted = runningVersionUpdate(primary, deviceKey, running);
  // A stage advanced by this check decides on the primary's counts, not a replica's.
  const target = await targetFor(primary, device, candidates!.results as Candidate[], all);
  const build = target && target.version !== running ? all.find((v) => v.version === target.version) : undefined;
  // A pinned or rolled-out version pruned since (or one without an app image): nothing to offer until an operator names another.
  if (!target || !build?.sha256 || build.size === null || (!target.allowDowngrade && !isNewer(all, build, running))) {
    await noted.run();
    return null;
  }
  // Signed before the offer is counted: a server without link keys (503) offers nothing.
  const url = await privateLink(env, contentHash.parse(build.sha256), {}, config(env).otaLinkSeconds);
  // No Analytics Engine binding exists in this store; the offer count lives on the version row.
  await primary.batch([
    noted,
    primary.prepare("UPDATE firmware_versions SET downloads = downloads + 1 WHERE id = ?1").bind(build.id),
    ...target.offered(primary),
  ]);
  return {
    model: device.model_key,
    version: target.version,
    url,
    sha256: build.sha256,
    size: build.size,
    app_elf_sha256: build.app_elf_sha256,
    security_version: build.security_version,
    rollout_id: target.rolloutId,
    allow_downgrade: target.allowDowngrade,
  };
}

/** Whether `candidate` is newer than the running version (upload order when it is known here, else semver when both parse). */
function isNewer(versions: readonly Version[], candidate: Version, running: string): boolean {
  const known = versions.find((v) => v.version === running);
  if (known) return candidate.id > known.id;
  const order = compareSemver(candidate.version, running);
  return order === undefined || order > 0;
}
