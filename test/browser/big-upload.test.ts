import { createHash, randomBytes } from "node:crypto";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exportJWK, generateKeyPair } from "jose";
import type { Browser, BrowserContext, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalWorker } from "../../scripts/lib/local-worker.ts";
import { launchChromium } from "./support/chromium";
import { API_TOKEN, MAX_UPLOAD_BYTES, startPageWorker } from "./support/worker";

const ADMIN_TOKEN = "browser-test-admin-token";
const MIB = 1024 * 1024;
/** The page's part size for these files (16 MiB), and a smaller one the worker is made to publish in some contexts. */
const PART = 16 * MIB;
const SMALL_PART = 5 * MIB;

let worker: LocalWorker;
let browser: Browser;
let dir: string;
let partKey: string;

/** A file of `size` bytes that is not all zeros: a random MiB, each copy stamped with its index, so no two parts are alike. */
async function makeFile(name: string, size: number): Promise<{ path: string; sha256: string; size: number; name: string }> {
  const path = join(dir, name);
  const hash = createHash("sha256");
  const block = randomBytes(MIB);
  const out = createWriteStream(path);
  for (let offset = 0, i = 0; offset < size; offset += MIB, i++) {
    const chunk = Buffer.from(block.subarray(0, Math.min(MIB, size - offset)));
    if (chunk.length >= 4) chunk.writeUInt32BE(i, 0);
    hash.update(chunk);
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return { path, sha256: hash.digest("hex"), size, name };
}

async function api<T>(method: string, path: string, token: string, body?: unknown): Promise<T> {
  // wrangler dev reloads the worker once shortly after it first answers; a request caught by that gets its 503.
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(`${worker.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.ok) return (await res.json()) as T;
    if (res.status !== 503 || attempt === 10) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** A page signed in with `token` on the test's part; `partLimit` makes GET /api/limits publish a smaller part size. */
async function openPart(token: string, partLimit?: number): Promise<{ context: BrowserContext; page: Page; requests: Request[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript((t) => sessionStorage.setItem("cas-edge.token", t), token);
  if (partLimit) {
    await context.route("**/api/limits", async (route) => {
      const limits = (await (await route.fetch()).json()) as { bodies: Record<string, number> };
      await route.fulfill({ json: { ...limits, bodies: { ...limits.bodies, part: partLimit } } });
    });
  }
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  // A page load waits on wrangler dev, which a loaded 2-core runner can hold up longer than a step.
  page.setDefaultNavigationTimeout(30_000);
  const requests: Request[] = [];
  page.on("request", (r) => requests.push(r));
  await page.goto(`${worker.url}/parts/${partKey}`);
  await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Scanner");
  return { context, page, requests };
}

const uploadRow = (page: Page, name: string) => page.locator(".upload", { has: page.locator(".upload-name", { hasText: name }) });
const isPartPut = (r: Request) => r.method() === "PUT" && /^\/api\/uploads\/[0-9a-f-]{36}\/parts\/\d+$/.test(new URL(r.url()).pathname);
/**
 * What the browser put on the wire for parts: each PUT's Content-Length as sent (Playwright does not
 * expose a File body). A request cut off by the reload may have no sent headers recorded: it counts
 * as its whole part, an upper bound on what it sent.
 */
async function sentBytes(requests: Request[], size: number): Promise<number> {
  const lengths = await Promise.all(
    requests.filter(isPartPut).map(async (r) => {
      const declared = Number((await r.allHeaders().catch(() => ({}) as Record<string, string>))["content-length"]);
      const n = Number(/\/parts\/(\d+)$/.exec(r.url())![1]);
      return Number.isFinite(declared) ? declared : Math.min(PART, size - (n - 1) * PART);
    }),
  );
  return lengths.reduce((a, b) => a + b, 0);
}

/** The part's attachment for a file: its size and the hash its download link names. */
async function attached(name: string): Promise<{ size: number; sha256: string } | undefined> {
  const list = await api<Array<{ filename: string; size: number; download_url: string }>>("GET", `/api/parts/${partKey}/attachments`, API_TOKEN);
  const found = list.find((a) => a.filename === name);
  return found && { size: found.size, sha256: /\/api\/cas\/([0-9a-f]{64})/.exec(found.download_url)![1]! };
}

/** SHA-256 of the bytes the store serves at a blob's URL. */
async function storedHash(sha256: string): Promise<string> {
  const res = await fetch(`${worker.url}/api/cas/${sha256}`);
  expect(res.status).toBe(200);
  return createHash("sha256")
    .update(Buffer.from(await res.arrayBuffer()))
    .digest("hex");
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "cas-edge-big-upload-"));
  const { privateKey } = await generateKeyPair("ES256", { extractable: true });
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(privateKey)), kid: "browser", alg: "ES256" }] });
  [worker, browser] = await Promise.all([startPageWorker({ JWT_PRIVATE_JWKS: jwks }), launchChromium()]);
  partKey = (await api<{ key: string }>("POST", "/api/parts", API_TOKEN, { name: "Scanner" })).key;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("big files from the parts page through /api/uploads", () => {
  it("sends a 300 MB file resumably, and after a reload halfway sends only the parts the worker lacks", async () => {
    const file = await makeFile("scan-300mb.bin", 300 * 1_000_000);
    const parts = Math.ceil(file.size / PART);
    const { context, page, requests } = await openPart(API_TOKEN);
    const stored: string[] = [];
    page.on("requestfinished", async (r) => {
      if (isPartPut(r) && (await r.response())?.status() === 200) stored.push(r.url());
    });

    await page.getByLabel("Choose files to upload").setInputFiles(file.path);
    // Hashed in the page's worker thread, then sent part by part.
    await expect.poll(() => requests.some((r) => new URL(r.url()).pathname === "/build/hash-worker.js")).toBe(true);
    await expect.poll(() => stored.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(Math.floor(parts / 2));
    expect(await uploadRow(page, file.name).locator(".upload-status").textContent()).toMatch(/^Uploading… \d+% · .+\/s · .+ left$/);
    const before = [...requests];

    await page.reload();
    await expect.poll(() => page.locator(".unfinished").textContent()).toContain(file.name);
    requests.length = 0;
    await page.getByLabel("Choose files to upload").setInputFiles(file.path);
    const row = uploadRow(page, file.name);
    await expect.poll(() => row.locator(".upload-note").textContent()).toMatch(new RegExp(`^Resuming: \\d+ of ${parts} parts already sent\\.$`));
    const already = Number(/Resuming: (\d+)/.exec((await row.locator(".upload-note").textContent())!)![1]);
    expect(already).toBeGreaterThanOrEqual(Math.floor(parts / 2));
    await expect.poll(() => row.getAttribute("data-state"), { timeout: 60_000 }).toBe("done");
    expect(await row.locator(".upload-status").textContent()).toBe("Uploaded");

    // The same file (name, size and time) continued without being hashed again, from the first part the worker lacked.
    expect(requests.some((r) => new URL(r.url()).pathname === "/build/hash-worker.js")).toBe(false);
    const firstAfter = requests.find(isPartPut)!;
    expect(new URL(firstAfter.url()).pathname).toMatch(new RegExp(`/parts/${already + 1}$`));
    const sentBefore = await sentBytes(before, file.size);
    const sentAfter = await sentBytes(requests, file.size);
    console.log(`300 MB upload: ${sentBefore} bytes before the reload, ${sentAfter} after (${parts} parts, ${already} kept)`);
    expect(sentAfter).toBeLessThan(file.size * 0.6);
    expect(sentBefore + sentAfter).toBeLessThan(file.size * 1.3);

    expect(await attached(file.name)).toEqual({ sha256: file.sha256, size: file.size });
    const head = await fetch(`${worker.url}/api/cas/${file.sha256}`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get("content-length"))).toBe(file.size);
    // Done: nothing left to resume.
    expect(await page.evaluate(() => localStorage.getItem("cas-edge.uploads"))).toBeNull();
    await context.close();
  }, 180_000);

  it("pauses (cancelling the part in flight) and resumes to the right blob", async () => {
    const file = await makeFile("paused.bin", 3 * SMALL_PART + 12_345);
    const { context, page, requests } = await openPart(API_TOKEN, SMALL_PART);
    const failed: string[] = [];
    page.on("requestfailed", (r) => isPartPut(r) && failed.push(new URL(r.url()).pathname));
    // Part 2 is held until the page has been paused, so the pause always lands on a part in flight.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/api/uploads/*/parts/2", async (route) => {
      await held;
      await route.continue().catch(() => {});
    });

    await page.getByLabel("Choose files to upload").setInputFiles(file.path);
    await page.waitForRequest((r) => isPartPut(r) && r.url().endsWith("/parts/2"));
    await page.getByRole("button", { name: `Pause ${file.name}` }).click();
    const row = uploadRow(page, file.name);
    await expect.poll(() => row.locator(".upload-status").textContent()).toBe("Paused");
    await expect.poll(() => failed).toEqual([expect.stringMatching(/\/parts\/2$/)]);
    release();
    await page.unroute("**/api/uploads/*/parts/2");
    const putsWhilePaused = requests.filter(isPartPut).length;

    await page.getByRole("button", { name: `Resume ${file.name}` }).click();
    await expect.poll(() => row.getAttribute("data-state"), { timeout: 30_000 }).toBe("done");
    const puts = requests.filter(isPartPut).map((r) => new URL(r.url()).pathname.replace(/.*\/parts\//, ""));
    // Part 2 again (its first try was cancelled), then the rest; never part 1 twice.
    expect(puts).toEqual(["1", "2", "2", "3", "4"]);
    expect(putsWhilePaused).toBe(2);
    expect(await attached(file.name)).toEqual({ sha256: file.sha256, size: file.size });
    expect(await storedHash(file.sha256)).toBe(file.sha256);
    await context.close();
  });

  it("retries a part whose connection failed once", async () => {
    const file = await makeFile("retried.bin", 2 * SMALL_PART + 1);
    const { context, page, requests } = await openPart(API_TOKEN, SMALL_PART);
    let dropped = 0;
    await page.route("**/api/uploads/*/parts/2", async (route) => {
      if (dropped++ === 0) await route.abort("connectionreset");
      else await route.continue();
    });
    await page.getByLabel("Choose files to upload").setInputFiles(file.path);
    const row = uploadRow(page, file.name);
    await expect.poll(() => row.getAttribute("data-state"), { timeout: 30_000 }).toBe("done");
    const puts = requests.filter(isPartPut).map((r) => new URL(r.url()).pathname.replace(/.*\/parts\//, ""));
    expect(puts).toEqual(["1", "2", "2", "3"]);
    expect(dropped).toBe(2);
    expect(await attached(file.name)).toEqual({ sha256: file.sha256, size: file.size });
    expect(await storedHash(file.sha256)).toBe(file.sha256);
    await context.close();
  });

  it("tells a token without cas:write that big files need it, before sending a byte; small files still go", async () => {
    const account = await api<{ client_id: string; client_secret: string }>("POST", "/api/admin/accounts", ADMIN_TOKEN, {
      name: "parts only",
      scopes: ["parts:read", "parts:write"],
    });
    const tokenRes = await fetch(`${worker.url}/api/oauth/token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: account.client_id, client_secret: account.client_secret }),
    });
    const { access_token } = (await tokenRes.json()) as { access_token: string };
    const big = await makeFile("needs-cas-write.bin", MAX_UPLOAD_BYTES + 1);
    const small = await makeFile("small.bin", 1000);
    const { context, page, requests } = await openPart(access_token);

    await page.getByLabel("Choose files to upload").setInputFiles([big.path, small.path]);
    const row = uploadRow(page, big.name);
    await expect.poll(() => row.getAttribute("data-state")).toBe("error");
    expect(await row.locator(".upload-status").textContent()).toBe(
      "Files over 500 KB need the cas:write scope; nothing was sent. (This token's scopes do not include cas:write.)",
    );
    await expect.poll(() => uploadRow(page, small.name).getAttribute("data-state")).toBe("done");
    // Known from the session's grants (GET /api/whoami): the big file was not even hashed, and no upload was opened.
    expect(requests.filter((r) => /^\/api\/uploads|^\/build\/hash-worker/.test(new URL(r.url()).pathname))).toEqual([]);
    const bodies = requests.filter((r) => r.method() === "POST" && r.url().endsWith("/attachments"));
    expect(bodies.map((r) => r.headers()["x-filename"])).toEqual([small.name]);
    await context.close();
  });
});
