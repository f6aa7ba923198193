import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { exportJWK, generateKeyPair } from "jose";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalWorker } from "../../scripts/lib/local-worker.ts";
import { elfCoredump, espBuild, sha256Hex, zip } from "../support/esp-build.ts";
import { launchChromium } from "./support/chromium";
import { API_TOKEN, startPageWorker } from "./support/worker";

/**
 * The operator console's housekeeping, devices-and-firmware and coredump
 * sections driven in Chromium as an operator would, against one worker under
 * `wrangler dev`: a GC pass run and watched to the end, a firmware ZIP
 * uploaded and its artifacts listed, a refused one's detail shown as the
 * worker wrote it, a coredump a device posted listed, its result shown once
 * a parser reported one, and deleted after confirmation.
 */
const ADMIN_TOKEN = "browser-test-admin-token";
const CAS_TOKEN = "browser-test-write-token";
const SHOTS = "/tmp/i23-shots";
const MODEL = "esp32-node";

let worker: LocalWorker;
let browser: Browser;
let page: Page;

/** wrangler dev reloads the worker once shortly after it first answers; a fixture call caught by that gets a 503 and is sent again. */
async function call(path: string, token: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("Authorization", `Bearer ${token}`);
  if (init.json !== undefined) headers.set("Content-Type", "application/json");
  const body = init.json !== undefined ? JSON.stringify(init.json) : init.body;
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(`${worker.url}${path}`, { ...init, headers, body });
    if (res.status !== 503 || attempt === 10) return res;
    await res.arrayBuffer();
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function made<T>(res: Response): Promise<T> {
  if (!res.ok) throw new Error(`fixture: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A service account's token, from the token endpoint. */
async function accountToken(name: string, scopes: string[], device?: string): Promise<string> {
  const account = await made<{ client_id: string; client_secret: string }>(
    await call("/api/admin/accounts", ADMIN_TOKEN, { method: "POST", json: { name, scopes, ...(device ? { device_key: device } : {}) } }),
  );
  const form = new URLSearchParams({ grant_type: "client_credentials", client_id: account.client_id, client_secret: account.client_secret });
  const res = await fetch(`${worker.url}/api/oauth/token`, {
    method: "POST",
    body: form,
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
  return (await made<{ access_token: string }>(res)).access_token;
}

async function signIn(token: string): Promise<void> {
  // Signed out whatever the tab held: the token lives in sessionStorage.
  await page.goto(worker.url);
  await page.evaluate(() => sessionStorage.clear());
  await page.reload();
  await page.getByLabel("API token").fill(token);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor();
}

async function open(section: string): Promise<void> {
  await page.getByRole("navigation").getByRole("link", { name: section, exact: true }).click();
  await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toMatch(new RegExp(section));
}

/** The page at desktop and phone width, for looking at. */
async function shots(name: string): Promise<void> {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: width === 1280 ? 900 : 800 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

const alert = () => page.locator("#status");

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const { privateKey } = await generateKeyPair("ES256", { extractable: true });
  const JWT_PRIVATE_JWKS = JSON.stringify({ keys: [{ ...(await exportJWK(privateKey)), kid: "browser-ops", alg: "ES256" }] });
  const LINK_SIGNING_KEYS = JSON.stringify({ keys: [{ kty: "oct", kid: "browser-ops-link", k: randomBytes(32).toString("base64url") }] });
  [worker, browser] = await Promise.all([startPageWorker({ JWT_PRIVATE_JWKS, LINK_SIGNING_KEYS }), launchChromium()]);
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  page.setDefaultTimeout(15_000);
  // A page load waits on wrangler dev, which a loaded 2-core runner can hold up longer than a step.
  page.setDefaultNavigationTimeout(30_000);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

describe("the operator console's operations sections in Chromium", () => {
  it("a parts:* token without admin sees devices and coredumps but no housekeeping", async () => {
    await signIn(API_TOKEN);
    const nav = page.getByRole("navigation");
    await nav.getByRole("link", { name: "Devices" }).waitFor();
    expect(await nav.getByRole("link", { name: "Coredumps" }).count()).toBe(1);
    expect(await nav.getByRole("link", { name: "Housekeeping" }).count()).toBe(0);
    await page.goto(`${worker.url}/console/housekeeping`);
    await expect.poll(() => page.getByRole("main").textContent()).toContain('lacks the scope "admin"');
    expect(await page.getByRole("button", { name: /Start .* pass/ }).count()).toBe(0);
  }, 60_000);

  it("an admin starts a GC pass, confirms it deletes, and watches it to done; the run is listed", async () => {
    // Something for the pass to see: a blob nothing names (younger than the grace period, so kept).
    const blob = randomBytes(2048);
    expect((await call(`/api/cas/${await sha256Hex(blob)}`, CAS_TOKEN, { method: "PUT", body: new Uint8Array(blob) })).status).toBeLessThan(300);
    await signIn(ADMIN_TOKEN);
    await open("Housekeeping");
    const gc = page.locator('section[data-task="gc"]');
    await expect.poll(() => page.locator(".pass dd").first().textContent()).toBeTruthy();
    await gc.getByLabel("Dry run (delete nothing)").uncheck();
    await gc.getByRole("button", { name: "Start garbage collection pass" }).click();
    const dialog = page.getByRole("dialog");
    expect(await dialog.textContent()).toContain("deletes every blob");
    await dialog.getByRole("button", { name: "Run and delete" }).click();
    await expect.poll(() => gc.getAttribute("data-state"), { timeout: 30_000 }).toBe("done");
    expect(await alert().textContent()).toBe("The garbage collection pass is done.");
    const state = await gc.locator("dl").textContent();
    expect(state).toMatch(/StateDone, finished/);
    expect(state).toMatch(/Objects seen[1-9]/);
    expect(state).toContain("Cursorat the end");
    const runs = gc.getByRole("region", { name: "Last Garbage collection runs" }).locator("tbody tr");
    await expect.poll(() => runs.count()).toBe(1);
    expect(await runs.first().textContent()).toContain("static:ADMIN_TOKEN");
    expect(await runs.first().textContent()).toContain("real");
    await shots("housekeeping");

    // Cancelling the confirmation runs nothing: still one run.
    await gc.getByRole("button", { name: "Start garbage collection pass" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
    const audit = await made<{ entries: unknown[] }>(await call("/api/admin/audit?action=gc.run", ADMIN_TOKEN));
    expect(audit.entries).toHaveLength(1);
  }, 90_000);

  it("uploads a firmware ZIP with progress and lists its artifacts; a refused ZIP's detail is shown as the worker wrote it", async () => {
    await signIn(ADMIN_TOKEN);
    await open("Devices");
    await page.getByLabel("Model key").fill(MODEL);
    await page.getByLabel("Model name").fill("ESP32 sensor node");
    await page.getByRole("button", { name: "Create model" }).click();
    await page.getByRole("heading", { name: `ESP32 sensor node (${MODEL})`, level: 2 }).waitFor();

    const build = await espBuild({ version: "1.4.2", appSize: 300_000 });
    await page.getByLabel("Firmware ZIP").setInputFiles({ name: "build.zip", mimeType: "application/zip", buffer: Buffer.from(zip(build.files)) });
    await page.getByRole("button", { name: "Upload firmware" }).click();
    await expect.poll(() => page.locator(".upload-result").textContent(), { timeout: 30_000 }).toBe("Version 1.4.2 stored with 6 artifacts.");
    expect(await page.getByLabel("Upload progress").getAttribute("value")).toBe("100");
    const version = page.getByRole("article", { name: "Version 1.4.2" });
    const fields = await version.locator("dl").textContent();
    expect(fields).toContain("Projectsensor-node");
    expect(fields).toContain("IDF versionv5.3.1");
    expect(fields).toContain(`ELF SHA-256${build.elfSha256}`);
    const links = version.getByRole("link");
    expect((await links.allTextContents()).sort()).toEqual(Object.keys(build.files).sort());
    const appLink = await version.getByRole("link", { name: "sensor-node.bin" }).getAttribute("href");
    expect(appLink).toMatch(/^\/api\/private\/[0-9a-f]{64}\?/);
    const app = await fetch(`${worker.url}${appLink}`);
    expect(await sha256Hex(new Uint8Array(await app.arrayBuffer()))).toBe(build.appSha256);
    expect(await version.locator("tr", { hasText: "sensor-node.bin" }).textContent()).toContain("300 KB");

    // A build without its ELF: the worker's problem detail, word for word.
    const broken = zip((await espBuild({ version: "1.4.3", files: { "sensor-node.elf": null } })).files);
    await page.getByLabel("Firmware ZIP").setInputFiles({ name: "broken.zip", mimeType: "application/zip", buffer: Buffer.from(broken) });
    await page.getByRole("button", { name: "Upload firmware" }).click();
    await expect.poll(() => alert().textContent()).not.toBe("");
    const refused = await call(`/api/device-models/${MODEL}/firmware`, API_TOKEN, {
      method: "POST",
      body: Buffer.from(broken),
      headers: { "Content-Type": "application/zip" },
    });
    expect(refused.status).toBe(422);
    expect(await alert().textContent()).toBe(((await refused.json()) as { detail: string }).detail);
    expect(await page.getByRole("article").count()).toBe(1);
    await shots("devices");
  }, 90_000);

  it("lists a device's coredump, shows its result once a parser reports one, and deletes it after confirmation", async () => {
    const device = "30:ae:a4:0e:2e:99";
    await made(await call(`/api/devices/${encodeURIComponent(device)}`, API_TOKEN, { method: "PUT", json: { model: MODEL } }));
    const deviceToken = await accountToken("ops test device", [], device);
    const dump = elfCoredump(null);
    const posted = await call(`/api/devices/${encodeURIComponent(device)}/coredumps`, deviceToken, {
      method: "POST",
      body: Buffer.from(dump),
      headers: { "X-Firmware-Version": "1.4.2" },
    });
    const { coredump_id: id } = await made<{ coredump_id: number }>(posted);

    await signIn(ADMIN_TOKEN);
    await open("Devices");
    const deviceRow = page.getByRole("region", { name: "Devices" }).locator("tr", { hasText: device });
    expect(await deviceRow.textContent()).toContain("1.4.2");
    await deviceRow.getByRole("link", { name: device }).click();
    await page.getByRole("heading", { name: "Coredumps", level: 1 }).waitFor();
    expect(await page.getByLabel("Device").inputValue()).toBe(device);
    const row = page.locator(`tr[data-id="${id}"]`);
    expect(await row.textContent()).toContain("PENDING");
    expect(await row.textContent()).toContain("1.4.2");

    // A parser claims the dump and reports what it read; text that looks like markup stays text.
    const parser = await accountToken("ops test parser", ["coredumps:parse"]);
    const lease = await made<{ coredump_id: number; lease_id: string }>(await call("/api/coredumps/claim", parser, { method: "POST", json: {} }));
    expect(lease.coredump_id).toBe(id);
    const text = "Guru Meditation Error: Core 0 panic'ed (LoadProhibited)\n  #0 0x400d1234 in app_main <img src=x onerror=alert(1)>\n\tat main.c:42";
    await made(
      await call(`/api/coredumps/${id}/result`, parser, { method: "POST", json: { lease_id: lease.lease_id, status: "PARSED", result: text } }),
    );

    await page.getByLabel("Status").selectOption("PARSED");
    await page.getByRole("button", { name: "Show", exact: true }).click();
    await expect.poll(() => row.textContent()).toContain("PARSED");
    await row.getByRole("button", { name: "Show result" }).click();
    const result = page.getByLabel(`Parse result of coredump ${id}`);
    await expect.poll(() => result.textContent()).toBe(text);
    expect(await result.locator("img").count()).toBe(0);
    const download = await row.getByRole("link", { name: "Download" }).getAttribute("href");
    expect(new Uint8Array(await (await fetch(`${worker.url}${download}`)).arrayBuffer())).toEqual(new Uint8Array(dump));
    await shots("coredumps");

    await row.getByRole("button", { name: "Delete" }).click();
    const dialog = page.getByRole("dialog");
    expect(await dialog.textContent()).toContain(`Delete coredump ${id}?`);
    await dialog.getByRole("button", { name: "Delete" }).click();
    await expect.poll(() => row.count()).toBe(0);
    expect(await alert().textContent()).toBe(`Coredump ${id} deleted.`);
    expect((await call(`/api/coredumps/${id}`, API_TOKEN)).status).toBe(404);
  }, 90_000);
});
