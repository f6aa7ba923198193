/**
 * The pure rules of a resumable upload from the page: which files take that
 * path, what part size they are cut into, which saved upload a chosen file
 * continues, how long to wait before a retry, and the progress line. No DOM
 * and no network here, so the rules are tested on their own.
 */

/** Files over this go through /api/uploads even when the worker would take them in one request. */
export const RESUMABLE_FROM = 64_000_000;
const MIB = 1024 * 1024;
/** The worker's bounds (src/uploads/geometry.ts): R2 refuses smaller parts but the last, and more than 10 000. */
export const MIN_PART_SIZE = 5 * MIB;
export const MAX_PARTS = 10_000;
/** A dropped connection or a pause costs at most one part; 16 MiB keeps a 1 GB file to 64 requests. */
export const PART_SIZE = 16 * MIB;

/** What the worker publishes at GET /api/limits that these rules read. */
export interface BodyLimits {
  upload: number;
  part?: number;
}

/**
 * The size over which a file is sent resumably: 64 MB, or less when the
 * worker takes less in one request, so no file the one-request path would
 * refuse is sent that way. Without the worker's limits, 64 MB.
 */
export function resumableThreshold(limits: BodyLimits | null): number {
  return limits ? Math.min(RESUMABLE_FROM, limits.upload) : RESUMABLE_FROM;
}

/**
 * The part size for a file: 16 MiB, lowered to what the worker takes in one
 * part, raised (in whole MiB) until the file fits in 10 000 parts. Null when
 * no part size the worker takes does.
 */
export function choosePartSize(size: number, maxPart: number | undefined): number | null {
  const ceiling = maxPart ?? PART_SIZE;
  const fitting = Math.ceil(size / MAX_PARTS / MIB) * MIB;
  const chosen = Math.max(Math.min(PART_SIZE, ceiling), fitting, MIN_PART_SIZE);
  return chosen <= ceiling ? chosen : null;
}

/** What the page keeps about an unfinished upload, to continue it when the same file is chosen again. */
export interface SavedUpload {
  id: string;
  name: string;
  size: number;
  lastModified: number;
  sha256: string;
  partSize: number;
  /** The session's expiry as the worker last told it (ISO 8601): after it, the record is dropped. */
  expiresAt: string;
}

export interface FileIdentity {
  name: string;
  size: number;
  lastModified: number;
}

/** The same file as far as the page can tell without reading it: name, size and modification time. */
export function sameFile(a: FileIdentity, b: FileIdentity): boolean {
  return a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;
}

export function findSaved(saved: readonly SavedUpload[], file: FileIdentity): SavedUpload | undefined {
  return saved.find((s) => sameFile(s, file));
}

/** The records still worth keeping: not expired, and not another record for the same file (the newest wins). */
export function keepSaved(saved: readonly SavedUpload[], now: number, limit = 20): SavedUpload[] {
  const kept: SavedUpload[] = [];
  for (const s of saved) {
    if (Date.parse(s.expiresAt) > now && !kept.some((k) => sameFile(k, s))) kept.push(s);
  }
  return kept.slice(0, limit);
}

/** Reads what storage held, dropping anything that is not a record (an older page's shape, a hand edit). */
export function parseSaved(text: string | null): SavedUpload[] {
  let value: unknown;
  try {
    value = JSON.parse(text ?? "[]");
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.filter(
    (v): v is SavedUpload =>
      typeof v === "object" &&
      v !== null &&
      typeof v.id === "string" &&
      typeof v.name === "string" &&
      typeof v.sha256 === "string" &&
      typeof v.expiresAt === "string" &&
      [v.size, v.lastModified, v.partSize].every((n) => typeof n === "number"),
  );
}

/** Exponential backoff before retry `attempt` (1-based): 0.5 s, 1 s, 2 s, 4 s, then 8 s. */
export function retryDelay(attempt: number): number {
  return Math.min(500 * 2 ** (attempt - 1), 8000);
}

/** One reading of how many bytes were sent, at `at` ms. */
export interface Sample {
  at: number;
  bytes: number;
}

/** Bytes per second over the samples (the caller keeps the last few seconds of them); null until there are two. */
export function rate(samples: readonly Sample[]): number | null {
  const first = samples[0];
  const last = samples.at(-1);
  if (!first || !last || last.at <= first.at) return null;
  return ((last.bytes - first.bytes) * 1000) / (last.at - first.at);
}

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** "Uploading… 42% · 12.5 MB/s · 20 s left", with speed and time left once a rate is known. */
export function progressLine(sent: number, size: number, bytesPerSecond: number | null, formatBytes: (n: number) => string): string {
  const percent = size > 0 ? Math.floor((sent / size) * 100) : 100;
  const parts = [`Uploading… ${percent}%`];
  if (bytesPerSecond !== null && bytesPerSecond > 0) {
    parts.push(`${formatBytes(Math.round(bytesPerSecond))}/s`, `${formatDuration((size - sent) / bytesPerSecond)} left`);
  }
  return parts.join(" · ");
}
