import { type ContentHash, contentHash } from "../blobs/keys";
import type { Coredump } from "../db/schema";
import { AppError } from "../errors";
import { matchElf } from "./esp-idf/elf-match";

export const DEFAULT_LEASE_SECONDS = 300;

type Row = {
  id: number;
  device_key: string;
  sha256: string;
  firmware_version: string | null;
  elf_sha256_prefix: string | null;
  app_elf_sha256: string | null;
  lease_id: string;
  lease_expires_at: number;
  model_key: string;
};

/** A leased dump; the answer (responses.ts claimJson) turns `dump` and `elf` into signed links. */
export interface Lease {
  coredump_id: number;
  lease_id: string;
  lease_expires_at: string;
  device: string;
  firmware_version: string | null;
  app_elf_sha256: string | null;
  dump: ContentHash;
  /** Null when no stored firmware matches the dump; the parser reports FAILED then. */
  elf: ContentHash | null;
}

/**
 * Hands the oldest pending dump whose lease is free (never taken, or
 * expired) to a parser for `leaseSeconds`. One UPDATE picks and leases the
 * row, so two parsers never get the same dump; a parser that dies simply
 * lets its lease expire and the dump returns to the queue.
 */
export async function claimNext(d1: D1Database, holder: string, leaseSeconds: number, now = Date.now()): Promise<Lease | null> {
  const leaseId = crypto.randomUUID();
  const expires = now + leaseSeconds * 1000;
  const row = await d1
    .prepare(
      `UPDATE coredumps SET lease_id = ?1, lease_holder = ?2, lease_expires_at = ?3, attempts = attempts + 1
       WHERE id = (SELECT id FROM coredumps WHERE status = 'PENDING' AND (lease_expires_at IS NULL OR lease_expires_at <= ?4) ORDER BY id LIMIT 1)
       RETURNING id, device_key, sha256, firmware_version, elf_sha256_prefix, app_elf_sha256, lease_id, lease_expires_at,
         (SELECT model_key FROM devices WHERE devices.key = coredumps.device_key) AS model_key`,
    )
    .bind(leaseId, holder, expires, now)
    .first<Row>();
  if (!row) return null;
  // Firmware uploaded after the dump arrived may match it now.
  let elf = row.app_elf_sha256;
  if (!elf) {
    elf = await matchElf(d1, { modelKey: row.model_key, prefix: row.elf_sha256_prefix, reportedVersion: row.firmware_version });
    if (elf) await d1.prepare("UPDATE coredumps SET app_elf_sha256 = ?2 WHERE id = ?1").bind(row.id, elf).run();
  }
  // The .elf artifact hashes to app_elf_sha256, so that is its blob's name; it is linked while a version still lists it.
  const stored = elf ? await d1.prepare("SELECT 1 AS ok FROM firmware_artifacts WHERE sha256 = ?1 LIMIT 1").bind(elf).first() : null;
  return {
    coredump_id: row.id,
    lease_id: leaseId,
    lease_expires_at: new Date(expires).toISOString(),
    device: row.device_key,
    firmware_version: row.firmware_version,
    app_elf_sha256: elf,
    dump: contentHash.parse(row.sha256),
    elf: stored && elf ? contentHash.parse(elf) : null,
  };
}

export type ParseOutcome = { lease_id: string; status: "PARSED"; result: string } | { lease_id: string; status: "FAILED"; reason: string };

/** Records a parser's outcome; only the holder of a live lease may. */
export async function recordOutcome(d1: D1Database, id: number, outcome: ParseOutcome, now = Date.now()): Promise<void> {
  const text = outcome.status === "PARSED" ? outcome.result : outcome.reason;
  const done = await d1
    .prepare(
      `UPDATE coredumps SET status = ?2, parse_result = ?3, parsed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
         lease_id = NULL, lease_holder = NULL, lease_expires_at = NULL
       WHERE id = ?1 AND status = 'PENDING' AND lease_id = ?4 AND lease_expires_at > ?5 RETURNING id`,
    )
    .bind(id, outcome.status, text, outcome.lease_id, now)
    .first();
  if (done) return;
  const row = await d1
    .prepare("SELECT status, lease_id, lease_expires_at FROM coredumps WHERE id = ?1")
    .bind(id)
    .first<Pick<Coredump, "status"> & { lease_id: string | null; lease_expires_at: number | null }>();
  if (!row) throw new AppError("not_found", `No coredump ${id}.`);
  if (row.status !== "PENDING") throw new AppError("conflict", `Coredump ${id} is already ${row.status}.`);
  if (row.lease_id === outcome.lease_id) throw new AppError("conflict", `The lease on coredump ${id} expired; claim it again.`);
  throw new AppError("conflict", `This lease does not hold coredump ${id} (it expired or another parser claimed it).`);
}
