/**
 * The worker's numeric settings ([vars] in wrangler.toml, README "Configuration"),
 * parsed in one place. A variable that is unset or empty takes its default; one
 * that is set must be a positive whole number: a typo such as "100MB" stops the
 * requests that read it with an error naming it, instead of quietly serving a
 * different limit.
 */
const MiB = 1024 * 1024;

/** Each setting's variable and default. */
const SETTINGS = {
  maxUploadBytes: ["MAX_UPLOAD_BYTES", 100 * MiB],
  accessTokenTtlSeconds: ["ACCESS_TOKEN_TTL", 15 * 60],
  maxFirmwares: ["MAX_FIRMWARES", 5],
  maxFirmwareZipBytes: ["MAX_FIRMWARE_ZIP_BYTES", 64 * MiB],
  maxFirmwareUnzippedBytes: ["MAX_FIRMWARE_UNZIPPED_BYTES", 256 * MiB],
  maxCoredumps: ["MAX_COREDUMPS", 20],
  maxCoredumpBytes: ["MAX_COREDUMP_BYTES", MiB],
  auditRetentionDays: ["AUDIT_RETENTION_DAYS", 365],
  linkWindowSeconds: ["LINK_WINDOW_SECONDS", 6 * 3600],
  otaLinkSeconds: ["OTA_LINK_SECONDS", 24 * 3600],
} as const satisfies Record<string, readonly [keyof Env, number]>;

export type Config = { readonly [K in keyof typeof SETTINGS]: number };

// Keyed by the env object: the runtime hands the same one to every request of an isolate,
// and a test that swaps bindings passes a new one.
const parsed = new WeakMap<object, Config>();

export function config(env: Env): Config {
  let settings = parsed.get(env);
  if (!settings) {
    settings = parse(env);
    parsed.set(env, settings);
  }
  return settings;
}

function parse(env: Env): Config {
  const vars = env as unknown as Record<string, unknown>;
  const entries = Object.entries(SETTINGS).map(([key, [name, fallback]]) => [key, positiveInteger(name, vars[name], fallback)]);
  return Object.freeze(Object.fromEntries(entries)) as Config;
}

function positiveInteger(name: string, value: unknown, fallback: number): number {
  if (value === undefined || value === null || value === "") return fallback;
  // A TOML number in [vars] arrives as a number, a quoted one as a string.
  const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : Number.NaN;
  if (Number.isSafeInteger(n) && n > 0) return n;
  throw new Error(`${name} must be a positive whole number, not ${JSON.stringify(value)}`);
}

/**
 * How much of the request log is written (src/ops/request-log.ts). Unlike the
 * limits above, a typo here must not stop a single request: an unreadable
 * value logs every request and says which variable is wrong on each line,
 * which errs toward seeing more, never less.
 */
export interface LogSettings {
  /** Share of successful reads that get a line, 0 to 1 (LOG_SAMPLE_RATE, default 0.01). */
  readonly sampleRate: number;
  /** A request that took at least this long always gets a line (LOG_SLOW_MS, default 1000). */
  readonly slowMs: number;
  /** Why the variables could not be read, when they could not. */
  readonly problem?: string;
}

export const DEFAULT_LOG_SAMPLE_RATE = 0.01;
export const DEFAULT_LOG_SLOW_MS = 1000;

const logParsed = new WeakMap<object, LogSettings>();

export function logSettings(env: Env): LogSettings {
  let settings = logParsed.get(env);
  if (!settings) {
    settings = parseLogSettings(env as unknown as Record<string, unknown>);
    logParsed.set(env, settings);
  }
  return settings;
}

function parseLogSettings(vars: Record<string, unknown>): LogSettings {
  try {
    const sampleRate = fraction("LOG_SAMPLE_RATE", vars.LOG_SAMPLE_RATE, DEFAULT_LOG_SAMPLE_RATE);
    return Object.freeze({ sampleRate, slowMs: positiveInteger("LOG_SLOW_MS", vars.LOG_SLOW_MS, DEFAULT_LOG_SLOW_MS) });
  } catch (err) {
    return Object.freeze({ sampleRate: 1, slowMs: DEFAULT_LOG_SLOW_MS, problem: (err as Error).message });
  }
}

function fraction(name: string, value: unknown, fallback: number): number {
  if (value === undefined || value === null || value === "") return fallback;
  const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : Number.NaN;
  if (n >= 0 && n <= 1) return n;
  throw new Error(`${name} must be a number from 0 to 1, not ${JSON.stringify(value)}`);
}
