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
