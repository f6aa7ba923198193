import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const API_TOKEN = "browser-test-api-token";
/** Small enough that the test can send a file over it quickly. */
export const MAX_UPLOAD_BYTES = 3_000_000;

const root = join(import.meta.dirname, "../../..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RunningWorker {
  url: string;
  /** What wrangler printed, for a failure message. */
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * `npm start` as a user runs it (migrations, the page's build, wrangler dev),
 * on a free port with fresh state and its own tokens.
 */
export async function startWorker(): Promise<RunningWorker> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "cas-edge-browser-"));
  const envFile = join(dir, "test.vars");
  writeFileSync(envFile, `API_TOKEN=${API_TOKEN}\nCAS_WRITE_TOKEN=browser-test-write-token\nADMIN_TOKEN=browser-test-admin-token\n`);
  let output = "";
  // Its own process group, so stopping it ends wrangler and workerd with it.
  const child: ChildProcess = spawn(
    join(root, "node_modules/.bin/tsx"),
    [
      "scripts/start.ts",
      "--port",
      String(port),
      "--state",
      join(dir, "state"),
      "--env-file",
      envFile,
      "--var",
      `MAX_UPLOAD_BYTES:${MAX_UPLOAD_BYTES}`,
    ],
    { cwd: root, detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" } },
  );
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.pid) process.kill(-child.pid, "SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null && child.pid) process.kill(-child.pid, "SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${url}/api/openapi.json`)).ok) return { url, output: () => output, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`the worker did not start:\n${output}`);
}
