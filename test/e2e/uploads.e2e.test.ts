import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalWorker, startWorker } from "../../scripts/lib/local-worker.ts";
import { blob, send, sha256 } from "./support/http.ts";

const TOKEN = "e2e-write";
const MiB = 1024 * 1024;
const SCRIPT = new URL("../../scripts/upload.ts", import.meta.url).pathname;
let worker: LocalWorker;
let dir: string;

beforeAll(async () => {
  worker = await startWorker("wrangler.toml", 0, { CAS_WRITE_TOKEN: TOKEN, API_TOKEN: "e2e-api", ADMIN_TOKEN: "e2e-admin" });
  dir = mkdtempSync(join(tmpdir(), "cas-edge-upload-e2e-"));
});

afterAll(async () => {
  await worker?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Run {
  child: ChildProcess;
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
  stderr(): string;
}

/** `npm run upload` as a user runs it, with 5 MiB parts and the session ids kept in this test's folder. */
function upload(file: string): Run {
  // node itself (not the tsx wrapper, which runs the script in a child process) so a kill reaches the uploader.
  const child = spawn(
    process.execPath,
    ["--import", "tsx", SCRIPT, file, "--url", worker.url, "--token", TOKEN, "--part-size", "5", "--state-dir", join(dir, "state")],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on("exit", (code) => resolve({ code, stdout, stderr })),
  );
  return { child, done, stderr: () => stderr };
}

function file(bytes: Buffer): string {
  const path = join(dir, `${sha256(bytes)}.bin`);
  writeFileSync(path, bytes);
  return path;
}

async function storedBytes(url: string): Promise<Buffer> {
  const res = await send(worker.url, undefined, { path: new URL(url).pathname, timeoutMs: 60_000 });
  expect(res.status).toBe(200);
  return res.body;
}

describe("npm run upload against a running worker", () => {
  it("uploads a file of three parts and prints its CAS URL", async () => {
    const bytes = blob(2 * 5 * MiB + 12345);
    const { code, stdout } = await upload(file(bytes)).done;
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(`${worker.url}/api/cas/${sha256(bytes)}`);
    expect((await storedBytes(stdout.trim())).equals(bytes)).toBe(true);

    // Again: the blob is there, so nothing is sent.
    const again = await upload(file(bytes)).done;
    expect(again.code).toBe(0);
    expect(again.stderr).toContain("already stored");
  });

  it("resumes where it stopped after being killed in the middle of a part", async () => {
    const bytes = blob(4 * 5 * MiB + 777);
    const path = file(bytes);
    const first = upload(path);
    // Killed (no chance to clean up) once part 1 is stored and part 2 is under way.
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (/1\/5 parts stored/.test(first.stderr())) {
          clearInterval(timer);
          // Part 2 is under way as soon as part 1 is reported stored.
          first.child.kill("SIGKILL");
          resolve();
        }
      }, 20);
      first.done.then(() => {
        clearInterval(timer);
        reject(new Error(`the upload ended before it could be interrupted:\n${first.stderr()}`));
      });
    });
    expect((await first.done).code).toBeNull();
    expect((await send(worker.url, undefined, { path: `/api/cas/${sha256(bytes)}` })).status).toBe(404);

    const second = await upload(path).done;
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/resuming upload \S+ at part [2-5] of 5/);
    expect((await storedBytes(second.stdout.trim())).equals(bytes)).toBe(true);
  });

  it("exits 2 with usage for a missing file", async () => {
    const { code, stderr } = await upload(join(dir, "missing.bin")).done;
    expect(code).toBe(2);
    expect(stderr).toContain("no such file");
  });
});
