import { z } from "zod";
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

export const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(50) });

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
