import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/**
 * Every `npm run bench:*` of package.json, run with --smoke (one tiny run through the same code
 * and the same status checks, scripts/bench/harness.ts): a benchmark that no longer starts, or
 * whose requests fail, fails the suite. Nothing here looks at the figures.
 */
const ROOT = new URL("../../", import.meta.url).pathname;
const { scripts } = JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")) as { scripts: Record<string, string> };
const benches = Object.entries(scripts).filter(([name]) => name.startsWith("bench:"));
/** A hang guard well past the slowest smoke run (bench:gc waits out its minute of grace), not a speed target. */
const HANG_MS = 170_000;

/** Runs a command in its own process group, so a hung benchmark's wrangler processes go with it. */
function run(command: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0]!, command.slice(1), {
      cwd: ROOT,
      env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const guard = setTimeout(() => {
      output += `\n(killed after ${HANG_MS / 1000} s)`;
      process.kill(-child.pid!, "SIGTERM");
    }, HANG_MS);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(guard);
      resolve({ code, output });
    });
  });
}

describe.concurrent("npm run bench:* -- --smoke", () => {
  it("finds the benchmarks in package.json", () => {
    expect(benches.length).toBeGreaterThan(0);
  });

  it.each(benches)("%s", async (_name, command) => {
    // Each is `tsx [node flags] scripts/bench/<name>.ts`: the same command, from the local tsx.
    const [bin, ...args] = command.split(/\s+/);
    expect(bin).toBe("tsx");

    const { code, output } = await run(["npx", "tsx", ...args, "--smoke"]);

    // The tail of what it printed says why it failed.
    expect(code, output.slice(-4000)).toBe(0);
  });
});
