import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalWorker, startWorker } from "../../scripts/lib/local-worker.ts";
import { espBuild, zip } from "../support/esp-build.ts";

/**
 * `npm run import:fleet` against the worker under `wrangler dev`: a dry run
 * changes nothing, a run imports models, devices, firmware and coredumps and
 * reports the bad ZIP without stopping (a device's tags from devices.csv
 * included), and a second run adds nothing.
 */
const ROOT = new URL("../../", import.meta.url).pathname;
const TSX = new URL("../../node_modules/.bin/tsx", import.meta.url).pathname;
const API = "import-api-token";

let worker: LocalWorker;
let dir: string;

function importFleet(...args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    execFile(
      TSX,
      ["scripts/import-fleet.ts", dir, "--url", worker.url, "--token", API, ...args],
      { cwd: ROOT, encoding: "utf8" },
      (err, stdout, stderr) => {
        resolve({ code: err ? (typeof err.code === "number" ? err.code : null) : 0, out: stdout + stderr });
      },
    );
  });
}

async function get<T>(path: string): Promise<T> {
  const res = await fetch(`${worker.url}${path}`, { headers: { Authorization: `Bearer ${API}` } });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Everything the import could have written, as the API shows it. */
async function storeState() {
  const models = (await get<Array<{ key: string }>>("/api/device-models")).map((m) => m.key).sort();
  const versions: Record<string, string[]> = {};
  for (const model of models) versions[model] = (await get<Array<{ version: string }>>(`/api/device-models/${model}/firmware`)).map((v) => v.version);
  const dumps: Record<string, number[]> = {};
  // Each device's tags (PUT /api/devices/:device with tags), null while the device is not there.
  const tags: Record<string, string[] | null> = {};
  for (const device of ["30:ae:a4:00:00:01", "30:ae:a4:00:00:02"]) {
    const res = await fetch(`${worker.url}/api/devices/${encodeURIComponent(device)}/coredumps`, { headers: { Authorization: `Bearer ${API}` } });
    dumps[device] = res.status === 404 ? [] : ((await res.json()) as Array<{ id: number }>).map((c) => c.id);
    const found = await fetch(`${worker.url}/api/devices/${encodeURIComponent(device)}`, { headers: { Authorization: `Bearer ${API}` } });
    tags[device] = found.status === 404 ? null : ((await found.json()) as { tags: string[] }).tags;
  }
  return { models, versions, dumps, tags };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "cas-edge-fleet-"));
  // The first device carries tags (";" and a space both separate them); the second has none.
  writeFileSync(join(dir, "devices.csv"), "device,model,tags\n30:ae:a4:00:00:01,gw-a,eu;beta lab\n30:ae:a4:00:00:02,gw-b\n");
  for (const [model, version] of [
    ["gw-a", "1.0.0"],
    ["gw-a", "1.1.0"],
    ["gw-b", "0.9.0"],
  ] as const) {
    mkdirSync(join(dir, "firmware", model), { recursive: true });
    writeFileSync(join(dir, "firmware", model, `${version}.zip`), zip((await espBuild({ version })).files));
  }
  writeFileSync(join(dir, "firmware", "gw-a", "2.0.0.zip"), randomBytes(3000));
  for (const [device, names] of [
    ["30:ae:a4:00:00:01", ["1.dmp", "2.dmp"]],
    ["30:ae:a4:00:00:02", ["7.dmp"]],
  ] as const) {
    mkdirSync(join(dir, "coredumps", device), { recursive: true });
    for (const name of names) writeFileSync(join(dir, "coredumps", device, name), randomBytes(700));
  }
  const linkKeys = JSON.stringify({ keys: [{ kty: "oct", kid: "import-link", k: randomBytes(32).toString("base64url") }] });
  worker = await startWorker("wrangler.toml", 0, { API_TOKEN: API, LINK_SIGNING_KEYS: linkKeys });
}, 180_000);

afterAll(async () => {
  await worker?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("npm run import:fleet", () => {
  it("prints what a dry run would do and changes nothing", async () => {
    const { code, out } = await importFleet("--dry-run");
    expect(code, out).toBe(0);
    expect(out).toContain("would create model gw-a");
    expect(out).toContain("would create firmware gw-a/2.0.0.zip");
    expect(out).toContain("would create: 2 models, 2 devices, 4 firmware versions, 3 coredumps");
    expect(await storeState()).toEqual({
      models: [],
      versions: {},
      dumps: { "30:ae:a4:00:00:01": [], "30:ae:a4:00:00:02": [] },
      tags: { "30:ae:a4:00:00:01": null, "30:ae:a4:00:00:02": null },
    });
  });

  it("imports everything, reports the bad ZIP and goes on; run again, it adds nothing", async () => {
    const first = await importFleet();
    expect(first.code, first.out).toBe(1);
    expect(first.out).toMatch(/FAILED firmware gw-a\/2\.0\.0\.zip: 415/);
    expect(first.out).toContain("created: 2 models, 2 devices, 3 firmware versions, 3 coredumps");
    const after = await storeState();
    expect(after.models).toEqual(["gw-a", "gw-b"]);
    expect(after.versions).toEqual({ "gw-a": ["1.1.0", "1.0.0"], "gw-b": ["0.9.0"] });
    expect(after.dumps["30:ae:a4:00:00:01"]).toHaveLength(2);
    expect(after.dumps["30:ae:a4:00:00:02"]).toHaveLength(1);
    // The tags of devices.csv reach the store (sorted, as the API keeps them), so groups hold imported devices.
    expect(after.tags).toEqual({ "30:ae:a4:00:00:01": ["beta", "eu", "lab"], "30:ae:a4:00:00:02": [] });
    expect(first.out).toContain("device 30:ae:a4:00:00:01 (gw-a, tags eu beta lab)");

    const second = await importFleet();
    expect(second.code, second.out).toBe(1);
    expect(second.out).toContain("created: 0 models, 0 devices, 0 firmware versions, 0 coredumps");
    expect(second.out).toContain("skipped: 2 models, 2 devices, 3 firmware versions, 3 coredumps");
    expect(await storeState()).toEqual(after);
  });
});
