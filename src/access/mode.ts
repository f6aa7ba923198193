import { eq, sql } from "drizzle-orm";
import { database } from "../db/client";
import { settings } from "../db/schema";
import type { Effect } from "../env";
import { AppError } from "../errors";

/** edit: everything; rw: no deletes; ro: no writes at all. Reads are never refused. */
export const STORAGE_MODES = ["edit", "rw", "ro"] as const;
export type StorageMode = (typeof STORAGE_MODES)[number];

export function isStorageMode(value: string): value is StorageMode {
  return (STORAGE_MODES as readonly string[]).includes(value);
}

/** Operator settings (`setting`) are never refused: an operator who froze the store must be able to unfreeze it. */
export function allows(mode: StorageMode, effect: Effect): boolean {
  if (effect === "read" || effect === "setting") return true;
  if (effect === "write") return mode !== "ro";
  return mode === "edit";
}

const SETTING_KEY = "storage_mode";
/**
 * How long an isolate trusts its copy of the runtime mode. A switch made
 * through PUT /api/admin/mode applies at once in the isolate that took it
 * and within this delay everywhere else; a write costs one D1 read per
 * isolate per period, not one per request.
 */
export const MODE_CACHE_MS = 5_000;

let cached: { override: StorageMode | null; until: number } | undefined;

/** The mode set in STORAGE_MODE (wrangler.toml var), `edit` when unset or not a mode. */
export function configuredMode(env: Env): StorageMode {
  const configured = env.STORAGE_MODE || "edit";
  return isStorageMode(configured) ? configured : "edit";
}

/** The mode an operator switched to at runtime, or null when STORAGE_MODE applies. */
export async function runtimeMode(env: Env, now = Date.now()): Promise<StorageMode | null> {
  if (cached && cached.until > now) return cached.override;
  const row = await database(env.DB).query.settings.findFirst({ where: eq(settings.key, SETTING_KEY) });
  const override = row && isStorageMode(row.value) ? row.value : null;
  cached = { override, until: now + MODE_CACHE_MS };
  return override;
}

/** The mode in force: the runtime switch when set, else STORAGE_MODE. */
export async function currentMode(env: Env, now = Date.now()): Promise<StorageMode> {
  return (await runtimeMode(env, now)) ?? configuredMode(env);
}

/** The mode in force, where it comes from, and how long other isolates may lag a switch (GET /api/admin/mode, /api/whoami). */
export async function modeView(env: Env) {
  const runtime = await runtimeMode(env);
  const configured = configuredMode(env);
  return {
    mode: runtime ?? configured,
    source: runtime ? ("runtime" as const) : ("STORAGE_MODE" as const),
    configured,
    cache_seconds: MODE_CACHE_MS / 1000,
  };
}

/** Switches the mode at runtime (null: back to STORAGE_MODE). */
export async function setRuntimeMode(env: Env, mode: StorageMode | null): Promise<void> {
  const db = database(env.DB);
  if (mode === null) await db.delete(settings).where(eq(settings.key, SETTING_KEY));
  else {
    await db
      .insert(settings)
      .values({ key: SETTING_KEY, value: mode })
      .onConflictDoUpdate({ target: settings.key, set: { value: mode, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` } });
  }
  cached = { override: mode, until: Date.now() + MODE_CACHE_MS };
}

/** Throws the storage-mode problem when `mode` does not allow `effect`. */
export function assertAllowed(mode: StorageMode, effect: Effect): void {
  if (allows(mode, effect)) return;
  const what = effect === "delete" ? "deletes" : "writes";
  throw new AppError("storage_mode", `The store is in "${mode}" mode, which refuses ${what}.`);
}
