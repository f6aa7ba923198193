import { contentHash } from "../blobs/keys";
import { privateLink } from "../cas/signed-links";
import type { BlobView } from "../cas/view";
import type { Coredump, Device, DeviceModel } from "../db/schema";
import { sanitizeFilename } from "../http/filename";
import type { CoredumpRow } from "./listings";
import type { Lease } from "./parse-queue";
import type { ClaimResponse, CoredumpResponse, CoredumpSummary, DeviceResponse, FirmwareResponse, ModelResponse } from "./schemas";
import type { FirmwareWithArtifacts } from "./versions";

export const modelJson = (m: DeviceModel): ModelResponse => ({ key: m.key, name: m.name, created_at: m.createdAt });

export const deviceJson = (d: Device): DeviceResponse => ({
  key: d.key,
  model: d.modelKey,
  name: d.name,
  tags: d.tags,
  pinned_version: d.pinnedVersion,
  firmware_version: d.firmwareVersion,
  last_seen_at: d.lastSeenAt,
  created_at: d.createdAt,
});

/**
 * The view a download link names: the file's name as the blob route will
 * read it back. The route cleans `filename` (http/filename.ts) before it
 * checks the signature, so the name signed must already be clean, or the
 * link would not verify; a name cut to length may need a second pass.
 */
export function downloadView(name: string): BlobView {
  let clean = sanitizeFilename(name);
  for (let again = sanitizeFilename(clean); again !== clean; again = sanitizeFilename(clean)) clean = again;
  return clean ? { filename: clean } : {};
}

/**
 * Firmware artifacts and coredumps are private whatever copy their row
 * still reads (rows stored before blobs could be private are moved by the
 * visibility pass): every link to one is signed, made per request, and the
 * private route falls back to the public copy until it has moved.
 */
export function blobLink(env: Env, sha256: string, view: BlobView = {}): Promise<string> {
  return privateLink(env, contentHash.parse(sha256), view);
}

export async function firmwareJson(env: Env, { version: v, artifacts }: FirmwareWithArtifacts): Promise<FirmwareResponse> {
  return {
    model: v.modelKey,
    version: v.version,
    project_name: v.projectName,
    idf_ver: v.idfVer,
    build_date: v.buildDate,
    build_time: v.buildTime,
    app_elf_sha256: v.appElfSha256,
    security_version: v.securityVersion,
    uploaded_at: v.uploadedAt,
    downloads: v.downloads,
    artifacts: await Promise.all(
      artifacts.map(async (a) => ({
        name: a.name,
        kind: a.kind,
        sha256: a.sha256,
        size: a.size,
        download_url: await blobLink(env, a.sha256, downloadView(a.name.slice(a.name.lastIndexOf("/") + 1))),
      })),
    ),
  };
}

export async function coredumpJson(env: Env, c: Coredump): Promise<CoredumpResponse> {
  return { ...(await coredumpSummaryJson(env, c)), parse_result: c.parseResult };
}

/** A dump as a listing shows it: no parse result (GET /api/coredumps/{id} has it). */
export async function coredumpSummaryJson(env: Env, c: CoredumpRow): Promise<CoredumpSummary> {
  return {
    id: c.id,
    device: c.deviceKey,
    received_at: c.receivedAt,
    size: c.size,
    sha256: c.sha256,
    firmware_version: c.firmwareVersion,
    elf_sha256_prefix: c.elfSha256Prefix,
    app_elf_sha256: c.appElfSha256,
    status: c.status,
    parsed_at: c.parsedAt,
    download_url: await blobLink(env, c.sha256, downloadView(`coredump-${c.deviceKey}-${c.id}.bin`)),
  };
}

/** A parser's lease with signed links to the dump and its ELF: the parser hands them to tools that log them. */
export async function claimJson(env: Env, lease: Lease): Promise<ClaimResponse> {
  const { dump, elf, coredump_id, lease_id, lease_expires_at, device, firmware_version, app_elf_sha256 } = lease;
  return {
    coredump_id,
    lease_id,
    lease_expires_at,
    device,
    firmware_version,
    app_elf_sha256,
    dump_url: await blobLink(env, dump),
    elf_url: elf === null ? null : await blobLink(env, elf),
  };
}
