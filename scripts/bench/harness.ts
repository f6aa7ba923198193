/**
 * Shared by the benchmarks: starts workers with `wrangler dev` on loopback
 * (each with its own throwaway state), drives them with autocannon, and
 * prints figures as ratios to a baseline measured in the same run.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { quietEnv, run } from "../lib/process.ts";

const WRANGLER = new URL("../../node_modules/.bin/wrangler", import.meta.url).pathname;

export interface LocalWorker {
  url: string;
  stop(): Promise<void>;
}

/** Starts `wrangler dev` for a config on a port and waits until it answers. */
export async function startWorker(
  config: string,
  port: number,
  vars: Record<string, string> = {},
  prepare?: (state: string) => Promise<void>,
): Promise<LocalWorker> {
  const state = mkdtempSync(join(tmpdir(), "cas-edge-bench-"));
  if (config === "wrangler.toml") {
    // CI=true: apply without asking for confirmation.
    await run("wrangler", ["d1", "migrations", "apply", "DB", "--local", "--persist-to", state], {
      env: { ...quietEnv, CI: "true" },
      stdio: "ignore",
    });
  }
  await prepare?.(state);
  const varArgs = Object.entries(vars).flatMap(([k, v]) => ["--var", `${k}:${v}`]);
  const child: ChildProcess = spawn(
    WRANGLER,
    ["dev", "--config", config, "--port", String(port), "--ip", "127.0.0.1", "--persist-to", state, "--inspector-port", String(port + 1000), "--log-level", "error", ...varArgs],
    { env: quietEnv, stdio: ["ignore", "ignore", "inherit"] },
  );
  // A benchmark that fails half-way must not leave wrangler running.
  process.once("exit", () => child.kill("SIGTERM"));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev for ${config} exited with ${child.exitCode}`);
    try {
      await fetch(url);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`wrangler dev for ${config} did not answer on ${url}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return {
    url,
    async stop() {
      child.kill("SIGTERM");
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once("exit", r)));
      rmSync(state, { recursive: true, force: true });
    },
  };
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  /** GET unless given; a body is sent with every request. */
  method?: string;
  body?: Uint8Array;
  /** Rewrites each request's path, e.g. to make every request a cache miss. */
  pathFor?: (n: number) => string;
  expectStatus: number;
}

/** Requests per second of `url` under a fixed concurrency; fails if any answer has another status. */
export async function requestsPerSecond(url: string, options: LoadOptions): Promise<number> {
  let n = 0;
  const base = new URL(url);
  const request: Record<string, unknown> = { method: options.method ?? "GET", path: base.pathname + base.search, headers: options.headers ?? {} };
  if (options.body) request.body = Buffer.from(options.body);
  const pathFor = options.pathFor;
  if (pathFor) request.setupRequest = (req: Record<string, unknown>) => ({ ...req, path: pathFor(n++) });
  const result = await autocannon({
    url: base.origin,
    connections: options.connections,
    duration: options.seconds,
    requests: [request],
  });
  const others = Object.keys(result.statusCodeStats).filter((code) => code !== String(options.expectStatus));
  if (result.errors > 0 || result.timeouts > 0 || others.length > 0) {
    throw new Error(`${url}: ${result.errors} errors, ${result.timeouts} timeouts, statuses ${JSON.stringify(result.statusCodeStats)}`);
  }
  return result.requests.average;
}

export function ratio(value: number, baseline: number): string {
  return `${(value / baseline).toFixed(2)}×`;
}

export function printTable(rows: Array<[string, ...string[]]>): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join("  "));
}
