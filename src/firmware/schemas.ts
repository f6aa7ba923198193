import { z } from "zod";
import { artifactKinds, coredumpStatuses } from "../db/firmware-schema";
import { AppError } from "../errors";

/** Keys appear in URLs and in device tokens' `sub`: short, URL-safe, no surprises. */
export const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const key = z.string().regex(KEY, "1-64 characters: letters, digits, '.', '_' or '-', starting with a letter or digit");
/** A device key is also a device account's token `sub` (src/access/schemas.ts), e.g. a MAC address with colons. */
export const DEVICE_KEY = /^[A-Za-z0-9_.:-]{1,128}$/;

export const modelCreate = z.strictObject({ key, name: z.string().trim().min(1).max(200) });

/** A device tag: a short lowercase token, so a group's filter compares tags as they are typed. */
export const TAG = /^[a-z0-9][a-z0-9_-]{0,31}$/;
export const MAX_TAGS = 16;
/** Tags as stored: unique and sorted, so two lists of the same tags are the same JSON. */
export const tagList = z
  .array(z.string().regex(TAG, "1-32 characters: lowercase letters, digits, '_' or '-', starting with a letter or digit"))
  .max(MAX_TAGS)
  .transform((tags) => [...new Set(tags)].sort());

/**
 * A device's registration. `name` is replaced (left out: none); `tags` and
 * `pinned_version` are kept when left out, so moving a device or renaming it
 * never drops its pin by accident; `[]` and null clear them.
 */
export const devicePut = z.strictObject({
  model: key,
  name: z.string().trim().min(1).max(200).nullish(),
  tags: tagList.optional(),
  pinned_version: z.string().min(1).max(64).nullable().optional(),
});

/**
 * An uploaded build's version becomes a path segment (…/firmware/:version,
 * the Location of the upload): "." or ".." there would name the model
 * instead, so a version starts with a letter or digit and never holds "..".
 */
export const FIRMWARE_VERSION = /^[0-9A-Za-z][0-9A-Za-z._+-]{0,63}$/;
export const FIRMWARE_VERSION_RULE = `${FIRMWARE_VERSION.source}, without ".."`;

export function isFirmwareVersion(version: string): boolean {
  return FIRMWARE_VERSION.test(version) && !version.includes("..");
}

/** ESP-IDF's esp_app_desc_t.version holds at most 31 characters. */
export const runningVersion = z
  .string()
  .min(1)
  .max(31)
  .regex(/^[\x20-\x7e]+$/, "printable ASCII");

export const claimBody = z.strictObject({ lease_seconds: z.number().int().min(10).max(3600).optional() });

export const MAX_RESULT_CHARS = 1_000_000;

export const resultBody = z.discriminatedUnion("status", [
  z.strictObject({ lease_id: z.string().uuid(), status: z.literal("PARSED"), result: z.string().min(1).max(MAX_RESULT_CHARS) }),
  z.strictObject({ lease_id: z.string().uuid(), status: z.literal("FAILED"), reason: z.string().min(1).max(10_000) }),
]);

const pageLimit = z.coerce.number().int().min(1).max(100).default(50);
export const listQuery = z.object({ limit: pageLimit });

/** GET /api/devices: by key, a page at a time; `cursor` is the last key of the previous page. */
export const deviceListQuery = z.object({
  model: z.string().regex(KEY, "not a device model key").optional(),
  cursor: z.string().regex(DEVICE_KEY, "not a cursor this endpoint gave out").optional(),
  limit: pageLimit,
});

/** GET /api/coredumps: newest first, a page at a time; `cursor` is the last id of the previous page. */
export const coredumpListQuery = z.object({
  status: z.enum(coredumpStatuses).optional(),
  device: z.string().regex(DEVICE_KEY, "not a device key").optional(),
  cursor: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, "not a cursor this endpoint gave out")
    .optional(),
  limit: pageLimit,
});

/** A path key that cannot exist is simply not found. */
export function pathKey(raw: string, what: "device model" | "device" | "group"): string {
  if (!(what === "device" ? DEVICE_KEY : KEY).test(raw)) throw new AppError("not_found", `No ${what} "${raw}".`);
  return raw;
}

/** A version no upload can have is simply not found, like a key that cannot exist. */
export function pathVersion(raw: string, modelKey: string): string {
  if (!isFirmwareVersion(raw)) throw new AppError("not_found", `Model "${modelKey}" has no firmware version "${raw}".`);
  return raw;
}

/** A hash in a path: 64 lowercase hex digits, else a client's mistake worth naming. */
export function pathHash(raw: string): string {
  if (!/^[0-9a-f]{64}$/.test(raw)) throw new AppError("invalid_hash", `"${raw}" is not a SHA-256 in lowercase hex.`);
  return raw;
}

export function pathId(raw: string, what: string): number {
  if (!/^[1-9][0-9]{0,15}$/.test(raw)) throw new AppError("not_found", `No ${what} ${raw}.`);
  return Number(raw);
}

/*
 * Answers. responses.ts builds them typed by these, and the OpenAPI document
 * (openapi.ts) describes them from these, so the two cannot drift apart.
 */
const signedLink = (what: string) => z.string().describe(`A signed, expiring link to ${what}`);

export const modelResponse = z.object({ key: z.string(), name: z.string(), created_at: z.string() });

export const artifactResponse = z.object({
  name: z.string().describe("The file's path inside the uploaded ZIP"),
  kind: z.enum(artifactKinds),
  sha256: z.string(),
  size: z.number().int(),
  download_url: signedLink("the artifact"),
});

export const firmwareResponse = z.object({
  model: z.string(),
  version: z.string(),
  project_name: z.string(),
  idf_ver: z.string(),
  build_date: z.string(),
  build_time: z.string(),
  app_elf_sha256: z.string(),
  security_version: z.number().int().nullable().describe("esp_app_desc_t.secure_version; null for builds stored before it was kept"),
  uploaded_at: z.string(),
  downloads: z.number().int(),
  artifacts: z.array(artifactResponse),
});

export const firmwareUploadResponse = firmwareResponse.extend({
  pruned_versions: z.array(z.string()).describe("Older versions this upload deleted to keep the model under its limit"),
});

export const modelWithFirmware = modelResponse.extend({ firmware: z.array(firmwareResponse) });

export const deviceResponse = z.object({
  key: z.string(),
  model: z.string(),
  name: z.string().nullable(),
  tags: z.array(z.string()),
  pinned_version: z.string().nullable(),
  firmware_version: z.string().nullable().describe("The version the device last reported running"),
  last_seen_at: z.string().nullable(),
  created_at: z.string(),
});

export const devicePage = z.object({
  devices: z.array(deviceResponse),
  next_cursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last"),
});

/** A dump in a listing: everything but the parse result, which may be a megabyte (GET /api/coredumps/{id} has it). */
export const coredumpSummary = z.object({
  id: z.number().int(),
  device: z.string(),
  received_at: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  firmware_version: z.string().nullable(),
  elf_sha256_prefix: z.string().nullable(),
  app_elf_sha256: z.string().nullable().describe("The stored build whose ELF matches the dump, if any"),
  status: z.enum(coredumpStatuses),
  parsed_at: z.string().nullable(),
  download_url: signedLink("the dump"),
});

export const coredumpResponse = coredumpSummary.extend({ parse_result: z.string().nullable().describe("The parser's text, or why it failed") });

export const coredumpPage = z.object({
  coredumps: z.array(coredumpSummary),
  next_cursor: z.string().nullable().describe("Pass as `cursor` for the next (older) page; null on the last"),
});

export const coredumpReceived = z.object({ coredump_id: z.number().int() });

export const claimResponse = z.object({
  coredump_id: z.number().int(),
  lease_id: z.string(),
  lease_expires_at: z.string(),
  device: z.string(),
  firmware_version: z.string().nullable(),
  app_elf_sha256: z.string().nullable(),
  dump_url: signedLink("the dump"),
  elf_url: signedLink("the matching ELF").nullable(),
});

/** GET /api/devices/:device/firmware: the compact JWS and, beside it, its payload (manifest.ts). */
export const otaResponse = z.object({
  manifest: z.string().describe("The compact JWS; a device acts on its verified payload alone"),
  model: z.string(),
  device: z.string(),
  version: z.string(),
  url: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  app_elf_sha256: z.string(),
  security_version: z.number().int().optional(),
  rollout_id: z.number().int().nullable(),
  allow_downgrade: z.boolean(),
  issued_at: z.number().int(),
  expires_at: z.number().int(),
});

export type ModelResponse = z.infer<typeof modelResponse>;
export type FirmwareResponse = z.infer<typeof firmwareResponse>;
export type FirmwareUploadResponse = z.infer<typeof firmwareUploadResponse>;
export type ModelWithFirmware = z.infer<typeof modelWithFirmware>;
export type DeviceResponse = z.infer<typeof deviceResponse>;
export type CoredumpResponse = z.infer<typeof coredumpResponse>;
export type CoredumpSummary = z.infer<typeof coredumpSummary>;
export type ClaimResponse = z.infer<typeof claimResponse>;
export type OtaResponse = z.infer<typeof otaResponse>;
