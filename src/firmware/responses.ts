import { contentHash } from "../blobs/keys";
import { casPath } from "../cas/urls";
import type { Coredump, Device, DeviceModel } from "../db/schema";
import type { FirmwareWithArtifacts } from "./versions";

export const modelJson = (m: DeviceModel) => ({ key: m.key, name: m.name, created_at: m.createdAt });

export const deviceJson = (d: Device) => ({
  key: d.key,
  model: d.modelKey,
  name: d.name,
  firmware_version: d.firmwareVersion,
  last_seen_at: d.lastSeenAt,
  created_at: d.createdAt,
});

export function firmwareJson({ version: v, artifacts }: FirmwareWithArtifacts) {
  return {
    model: v.modelKey,
    version: v.version,
    project_name: v.projectName,
    idf_ver: v.idfVer,
    build_date: v.buildDate,
    build_time: v.buildTime,
    app_elf_sha256: v.appElfSha256,
    uploaded_at: v.uploadedAt,
    downloads: v.downloads,
    artifacts: artifacts.map((a) => ({
      name: a.name,
      kind: a.kind,
      sha256: a.sha256,
      size: a.size,
      download_url: casPath(contentHash.parse(a.sha256), { filename: a.name.slice(a.name.lastIndexOf("/") + 1) }),
    })),
  };
}

export const coredumpJson = (c: Coredump) => ({
  id: c.id,
  device: c.deviceKey,
  received_at: c.receivedAt,
  size: c.size,
  sha256: c.sha256,
  firmware_version: c.firmwareVersion,
  elf_sha256_prefix: c.elfSha256Prefix,
  app_elf_sha256: c.appElfSha256,
  status: c.status,
  parse_result: c.parseResult,
  parsed_at: c.parsedAt,
  download_url: casPath(contentHash.parse(c.sha256), { filename: `coredump-${c.deviceKey}-${c.id}.bin` }),
});
