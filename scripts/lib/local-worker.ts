/**
 * Starts the worker (or another config) under `wrangler dev` on loopback with
 * its own throwaway state, as `npm start` does, and stops it again. Used by
 * the benchmarks and by the end-to-end tests, which need a real HTTP server.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { quietEnv, run } from "./process.ts";

const WRANGLER = new URL("../../node_modules/.bin/wrangler", import.meta.url).pathname;
const CONFIG_DIR = new URL("../../", import.meta.url).pathname;
const MIGRATIONS = join(CONFIG_DIR, "migrations");

export interface LocalWorker {
  url: string;
  /** The `wrangler dev` process: its descendants are the workerd processes (scripts/lib/process-cpu.ts). */
  pid: number;
  /** wrangler's DevTools proxy to the worker's V8 (scripts/lib/cpu-profile.ts). */
  inspectorPort: number;
  /** Everything wrangler printed so far (stdout and stderr), for tests that look for logged errors. */
  output(): string;
  stop(): Promise<void>;
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A local state with the D1 migrations applied, made once for each set of migrations and wrangler
 * version and then copied: applying them starts wrangler and a workerd, some 10 s of CPU, which
 * every benchmark and end-to-end test file would otherwise pay for each worker it starts.
 */
async function migratedState(): Promise<string> {
  const key = createHash("sha256").update(readFileSync(join(CONFIG_DIR, "node_modules/wrangler/package.json")));
  for (const file of readdirSync(MIGRATIONS).sort()) key.update(file).update(readFileSync(join(MIGRATIONS, file)));
  const template = join(tmpdir(), `cas-edge-migrated-${key.digest("hex").slice(0, 16)}`);
  if (existsSync(template)) return template;
  const building = mkdtempSync(join(tmpdir(), "cas-edge-migrating-"));
  // CI=true: apply without asking for confirmation.
  await run("wrangler", ["d1", "migrations", "apply", "DB", "--local", "--persist-to", building], {
    env: { ...quietEnv, CI: "true" },
    stdio: "ignore",
    cwd: CONFIG_DIR,
  });
  try {
    // Complete or absent: another process may be making the same template at the same time.
    renameSync(building, template);
  } catch {
    rmSync(building, { recursive: true, force: true });
  }
  return template;
}

/**
 * Starts `wrangler dev` for a config (port 0: any free port) and waits until it answers.
 * A free port can be taken by someone else before wrangler binds it: then it tries other ports.
 */
export async function startWorker(
  config: string,
  port = 0,
  vars: Record<string, string> = {},
  prepare?: (state: string) => Promise<void>,
  /** Benchmarks keep wrangler quiet; tests that read the worker's log want "log", and its request log "info". */
  logLevel: "error" | "log" | "info" = "error",
  /** A state to run on and keep (already migrated, e.g. by seed:scale) instead of a throwaway copy. */
  persistTo?: string,
): Promise<LocalWorker> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(config, port, vars, prepare, logLevel, persistTo);
    } catch (err) {
      if (port !== 0 || attempt === 3 || !/Address already in use/.test(String(err))) throw err;
    }
  }
}

async function startOnce(
  config: string,
  port = 0,
  vars: Record<string, string> = {},
  prepare?: (state: string) => Promise<void>,
  logLevel: "error" | "log" | "info" = "error",
  persistTo?: string,
): Promise<LocalWorker> {
  const listenPort = port || (await freePort());
  const inspectorPort = await freePort();
  const state = persistTo ?? mkdtempSync(join(tmpdir(), "cas-edge-local-"));
  if (config === "wrangler.toml" && !persistTo) cpSync(await migratedState(), state, { recursive: true });
  await prepare?.(state);
  const varArgs = Object.entries(vars).flatMap(([k, v]) => ["--var", `${k}:${v}`]);
  const args = ["dev", "--config", config, "--port", String(listenPort), "--ip", "127.0.0.1", "--persist-to", state];
  const child: ChildProcess = spawn(WRANGLER, [...args, "--inspector-port", String(inspectorPort), "--log-level", logLevel, ...varArgs], {
    env: quietEnv,
    cwd: CONFIG_DIR,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  // A run that fails half-way must not leave wrangler running.
  const kill = () => child.kill("SIGTERM");
  process.once("exit", kill);
  const url = `http://127.0.0.1:${listenPort}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev for ${config} exited with ${child.exitCode}:\n${output}`);
    try {
      await fetch(url);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`wrangler dev for ${config} did not answer on ${url}:\n${output}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return {
    url,
    pid: child.pid!,
    inspectorPort,
    output: () => output,
    async stop() {
      process.off("exit", kill);
      child.kill("SIGTERM");
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once("exit", r)));
      if (!persistTo) rmSync(state, { recursive: true, force: true });
    },
  };
}
