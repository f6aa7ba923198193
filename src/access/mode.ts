import { AppError } from "../errors";
import type { Effect } from "./policy";

/** edit: everything; rw: no deletes; ro: no writes at all. Reads are never refused. */
export const STORAGE_MODES = ["edit", "rw", "ro"] as const;
export type StorageMode = (typeof STORAGE_MODES)[number];

export function isStorageMode(value: string): value is StorageMode {
  return (STORAGE_MODES as readonly string[]).includes(value);
}

export function allows(mode: StorageMode, effect: Effect): boolean {
  if (effect === "read") return true;
  if (effect === "write") return mode !== "ro";
  return mode === "edit";
}

/** The mode in force. */
export async function currentMode(env: Env): Promise<StorageMode> {
  const configured = (env as Env & { STORAGE_MODE?: string }).STORAGE_MODE ?? "edit";
  return isStorageMode(configured) ? configured : "edit";
}

/** Throws the storage-mode problem when `mode` does not allow `effect`. */
export function assertAllowed(mode: StorageMode, effect: Effect): void {
  if (allows(mode, effect)) return;
  const what = effect === "delete" ? "deletes" : "writes";
  throw new AppError("storage_mode", `The store is in "${mode}" mode, which refuses ${what}.`);
}
