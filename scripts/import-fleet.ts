/**
 * npm run import:fleet -- DIR --url URL [--token T] [--dry-run]
 *
 * Moves a fleet from another store onto cas-edge through its API: device
 * models, devices, firmware ZIPs and coredumps, laid out as
 *
 *   DIR/devices.csv                       device,model[,tags]  (tags separated by ";" or spaces)
 *   DIR/firmware/<model>/<version>.zip    ESP-IDF build output, as POST /api/device-models/:model/firmware takes it
 *   DIR/coredumps/<device>/<id>.dmp       raw dumps, as the devices sent them
 *
 * Run it again and nothing is added twice: models and devices are looked up
 * first, a version the model already has is skipped, and a dump is sent with
 * its SHA-256 (PUT /api/devices/:device/coredumps/:hash), which the store
 * records once per device. Versions and dumps go oldest first (version
 * order, then name order): the store keeps the newest MAX_FIRMWARES and
 * MAX_COREDUMPS, so an absent one that sorts before one the store has was
 * pruned by it, and is not sent again (it would become the newest).
 * A bad ZIP or dump is reported and skipped; the run goes on.
 * Exit codes: 0 everything imported or already there, 1 some items failed
 * (listed in the summary), 2 usage or connection error.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { compareSemver } from "../src/firmware/semver.ts";
import { devVar } from "./lib/local-token.ts";

const USAGE = `usage: npm run import:fleet -- DIR --url URL [--token T] [--dry-run]

  DIR        devices.csv (device,model[,tags]), firmware/<model>/<version>.zip, coredumps/<device>/<id>.dmp
  --url      the worker (e.g. http://127.0.0.1:8787, the one \`npm start\` runs)
  --token    a token with parts:read and parts:write (default $API_TOKEN, else .dev.vars)
  --dry-run  print what would be done; change nothing

Exit codes: 0 done, 1 some items failed (see the summary), 2 usage or connection error.`;

function usage(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      url: { type: "string" },
      token: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      help: { type: "boolean", short: "h" },
    },
  });
}
try {
  args = parse();
} catch (err) {
  usage((err as Error).message);
}
if (args.values.help) {
  console.log(USAGE);
  process.exit(0);
}
const dir = args.positionals[0] ?? usage("import:fleet needs DIR");
if (!existsSync(dir) || !statSync(dir).isDirectory()) usage(`${dir} is not a directory`);
const base = (args.values.url ?? usage("import:fleet needs --url")).replace(/\/$/, "");
const dryRun = args.values["dry-run"]!;
const token = args.values.token ?? process.env.API_TOKEN ?? devVar("API_TOKEN") ?? usage("no token: pass --token or set API_TOKEN");

// --- what is in DIR ---------------------------------------------------------------------------

interface DeviceRow {
  device: string;
  model: string;
  tags: string[];
  line: number;
}

function readDevices(): DeviceRow[] {
  const file = join(dir, "devices.csv");
  if (!existsSync(file)) return [];
  const rows: DeviceRow[] = [];
  readFileSync(file, "utf8")
    .split(/\r?\n/)
    .forEach((text, i) => {
      const cells = text.split(",").map((cell) => cell.trim());
      if (cells.every((cell) => cell === "") || text.trimStart().startsWith("#")) return;
      // A header row names its columns.
      if (i === 0 && cells[0]?.toLowerCase() === "device") return;
      const [device, model, tags = ""] = cells;
      rows.push({ device: device ?? "", model: model ?? "", tags: tags.split(/[;\s]+/).filter(Boolean), line: i + 1 });
    });
  return rows;
}

const subdirs = (path: string) => (existsSync(path) ? readdirSync(path).filter((name) => statSync(join(path, name)).isDirectory()) : []);
const filesIn = (path: string, ext: string) => readdirSync(path).filter((name) => name.endsWith(ext) && statSync(join(path, name)).isFile());

/** Version order where both are semantic versions, else natural order ("1.10" after "1.9"). */
function byVersion(a: string, b: string): number {
  return compareSemver(a, b) ?? a.localeCompare(b, "en", { numeric: true });
}

// --- the API ----------------------------------------------------------------------------------

interface Answer {
  status: number;
  body: Record<string, unknown> & { detail?: string };
}

async function call(method: string, path: string, body?: Uint8Array | unknown, contentType?: string): Promise<Answer> {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  let payload: BodyInit | undefined;
  if (body instanceof Uint8Array) {
    headers["Content-Type"] = contentType ?? "application/octet-stream";
    payload = body as Uint8Array<ArrayBuffer>;
  } else if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    payload = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(`${base}${path}`, { method, headers, body: payload });
  } catch (err) {
    console.error(`cannot reach ${base}: ${(err as Error).message}`);
    process.exit(2);
  }
  const text = await res.text();
  let parsed: Answer["body"] = {};
  try {
    parsed = text ? (JSON.parse(text) as Answer["body"]) : {};
  } catch {
    parsed = { detail: text.slice(0, 200) };
  }
  // A token the server refuses stops the run: every later call would fail the same way.
  if (res.status === 401 || res.status === 403) {
    console.error(`${method} ${path}: ${res.status} ${parsed.detail ?? ""}\nThe token needs parts:read and parts:write.`);
    process.exit(2);
  }
  return { status: res.status, body: parsed };
}

const enc = encodeURIComponent;

// --- the run ----------------------------------------------------------------------------------

const summary = { created: new Map<string, number>(), skipped: new Map<string, number>(), failed: [] as string[] };
const count = (map: Map<string, number>, what: string) => map.set(what, (map.get(what) ?? 0) + 1);
const verb = (done: string, would: string) => (dryRun ? would : done);

function done(what: string, message: string): void {
  count(summary.created, what);
  console.log(`${verb("created", "would create")} ${message}`);
}
function skipped(what: string, message: string): void {
  count(summary.skipped, what);
  console.log(`skip ${message}`);
}
function failed(message: string): void {
  summary.failed.push(message);
  console.log(`FAILED ${message}`);
}

const devices = readDevices();
const firmwareModels = subdirs(join(dir, "firmware"));
const dumpDevices = subdirs(join(dir, "coredumps"));
console.log(
  `${dryRun ? "dry run: " : ""}${dir}: ${devices.length} devices, ${firmwareModels.length} models with firmware, ${dumpDevices.length} devices with coredumps → ${base}`,
);

/** Versions each model has in the store (null: the model does not exist yet). */
const storeVersions = new Map<string, string[] | null>();

async function ensureModel(model: string): Promise<boolean> {
  if (storeVersions.has(model)) return true;
  const found = await call("GET", `/api/device-models/${enc(model)}`);
  if (found.status === 200) {
    storeVersions.set(
      model,
      ((found.body.firmware as Array<{ version: string }>) ?? []).map((f) => f.version),
    );
    skipped("model", `model ${model}: already there`);
    return true;
  }
  if (found.status !== 404) {
    failed(`model ${model}: ${found.status} ${found.body.detail ?? ""}`);
    return false;
  }
  if (!dryRun) {
    const made = await call("POST", "/api/device-models", { key: model, name: model });
    if (made.status !== 201) {
      failed(`model ${model}: ${made.status} ${made.body.detail ?? ""}`);
      return false;
    }
  }
  storeVersions.set(model, []);
  done("model", `model ${model}`);
  return true;
}

for (const model of new Set([...devices.map((d) => d.model), ...firmwareModels])) {
  if (model) await ensureModel(model);
}

/** Devices the store has (or, in a dry run, would have) after this step. */
const knownDevices = new Set<string>();
for (const row of devices) {
  const where = `devices.csv line ${row.line}`;
  if (!row.device || !row.model) {
    failed(`${where}: needs device,model[,tags]`);
    continue;
  }
  const found = await call("GET", `/api/devices/${enc(row.device)}`);
  if (found.status === 200) {
    if (found.body.model !== row.model) {
      failed(`device ${row.device}: the store has it under model ${found.body.model}, ${where} says ${row.model}; left as it is`);
    } else skipped("device", `device ${row.device}: already there`);
    knownDevices.add(row.device);
    continue;
  }
  if (found.status !== 404) {
    failed(`device ${row.device}: ${found.status} ${found.body.detail ?? ""}`);
    continue;
  }
  if (!dryRun) {
    const made = await call("PUT", `/api/devices/${enc(row.device)}`, { model: row.model, ...(row.tags.length > 0 ? { tags: row.tags } : {}) });
    if (made.status !== 201 && made.status !== 200) {
      failed(`device ${row.device}: ${made.status} ${made.body.detail ?? ""}`);
      continue;
    }
  }
  knownDevices.add(row.device);
  done("device", `device ${row.device} (${row.model}${row.tags.length > 0 ? `, tags ${row.tags.join(" ")}` : ""})`);
}

for (const model of firmwareModels) {
  if (!storeVersions.has(model)) continue; // its creation failed, and was reported
  const present = storeVersions.get(model) ?? [];
  const newest = [...present].sort(byVersion).at(-1);
  const zips = filesIn(join(dir, "firmware", model), ".zip")
    .map((file) => ({ file, version: file.slice(0, -".zip".length) }))
    .sort((a, b) => byVersion(a.version, b.version));
  for (const { file, version } of zips) {
    const label = `firmware ${model}/${file}`;
    if (present.includes(version)) {
      skipped("firmware", `${label}: version ${version} already there`);
      continue;
    }
    if (newest !== undefined && byVersion(version, newest) < 0) {
      // Uploading it would make it the model's newest build, the one OTA offers.
      skipped("firmware", `${label}: older than ${newest}, which the store has (pruned by MAX_FIRMWARES, or superseded)`);
      continue;
    }
    const zip = readFileSync(join(dir, "firmware", model, file));
    if (dryRun) {
      done("firmware", `${label} (${zip.length} bytes)`);
      continue;
    }
    const res = await call("POST", `/api/device-models/${enc(model)}/firmware`, new Uint8Array(zip), "application/zip");
    if (res.status === 201) done("firmware", `${label}: version ${res.body.version}`);
    else if (res.status === 200) skipped("firmware", `${label}: version ${res.body.version} already there`);
    else {
      failed(`${label}: ${res.status} ${res.body.detail ?? ""}`);
      continue;
    }
    if (res.body.version !== version) console.log(`  note: the build names itself ${res.body.version}, not ${version} as its file does`);
    present.push(String(res.body.version));
  }
}

for (const device of dumpDevices) {
  const files = filesIn(join(dir, "coredumps", device), ".dmp").sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  const listed = knownDevices.has(device) || dryRun ? await call("GET", `/api/devices/${enc(device)}/coredumps?limit=100`) : null;
  let stored: Set<string>;
  if (listed?.status === 200) stored = new Set((listed.body as unknown as Array<{ sha256: string }>).map((c) => c.sha256));
  else if (dryRun && knownDevices.has(device)) stored = new Set();
  else {
    for (const file of files) failed(`coredump ${device}/${file}: no device ${device} (add it to devices.csv)`);
    continue;
  }
  const dumps = files.map((file) => {
    const bytes = readFileSync(join(dir, "coredumps", device, file));
    return { file, bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
  });
  // Dumps before the last one the store has were either sent or pruned (the store keeps the newest MAX_COREDUMPS).
  const lastPresent = dumps.findLastIndex((d) => stored.has(d.sha256));
  for (const [i, dump] of dumps.entries()) {
    const label = `coredump ${device}/${dump.file}`;
    if (stored.has(dump.sha256)) skipped("coredump", `${label}: already there`);
    else if (i < lastPresent) skipped("coredump", `${label}: older than one the store has (pruned by MAX_COREDUMPS)`);
    else if (dump.bytes.length === 0) failed(`${label}: empty`);
    else if (dryRun) done("coredump", `${label} (${dump.bytes.length} bytes)`);
    else {
      const res = await call("PUT", `/api/devices/${enc(device)}/coredumps/${dump.sha256}`, new Uint8Array(dump.bytes));
      if (res.status === 201) done("coredump", `${label}: coredump ${res.body.id}`);
      else if (res.status === 200) skipped("coredump", `${label}: already there`);
      else failed(`${label}: ${res.status} ${res.body.detail ?? ""}`);
    }
  }
}

const line = (map: Map<string, number>) =>
  ["model", "device", "firmware", "coredump"]
    .map((what) => `${map.get(what) ?? 0} ${what === "firmware" ? "firmware versions" : `${what}s`}`)
    .join(", ");
console.log(`\nsummary${dryRun ? " (dry run: nothing was changed)" : ""}:`);
console.log(`  ${verb("created", "would create")}: ${line(summary.created)}`);
console.log(`  skipped: ${line(summary.skipped)}`);
console.log(`  failed:  ${summary.failed.length}`);
for (const message of summary.failed) console.log(`    ${message}`);
process.exit(summary.failed.length > 0 ? 1 : 0);
