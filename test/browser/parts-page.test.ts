import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalWorker } from "../../scripts/lib/local-worker.ts";
import { WEBCRYPTO_LIMIT } from "../../src/web/client/hash";
import { launchChromium } from "./support/chromium";
import { networkFetches } from "./support/network";
import { API_TOKEN, MAX_UPLOAD_BYTES, startPageWorker } from "./support/worker";

const fixture = (name: string) => ({
  name,
  mimeType: name.endsWith(".pdf") ? "application/pdf" : name.endsWith(".png") ? "image/png" : "image/jpeg",
  buffer: readFileSync(join(import.meta.dirname, "../fixtures", name)),
});

let worker: LocalWorker;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const requests: Request[] = [];
const consoleLines: string[] = [];

beforeAll(async () => {
  [worker, browser] = await Promise.all([startPageWorker(), launchChromium()]);
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  // Shorter than the test timeout: an element that never comes fails at its own step, named, instead of as a timed-out test.
  page.setDefaultTimeout(10_000);
  // A page load waits on wrangler dev, which a loaded 2-core runner can hold up longer than a step.
  page.setDefaultNavigationTimeout(30_000);
  page.on("request", (r) => requests.push(r));
  page.on("console", (m) => consoleLines.push(m.text()));
  page.on("dialog", (d) => void d.accept());
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

const uploadRow = (name: string) => page.locator(".upload", { has: page.locator(".upload-name", { hasText: name }) });
const grid = () => page.getByRole("list", { name: "Images" });

/** The body size the browser put on the wire (Content-Length as sent, which covers File bodies Playwright does not expose). */
async function sentBytes(r: Request): Promise<number> {
  return Number((await r.allHeaders())["content-length"] ?? Number.NaN);
}

/**
 * Blob GETs that reached the worker, from wrangler's request log (which
 * leaves out query strings; on the part page the only blobs fetched are thumbnails).
 */
const thumbnailHits = () => worker.output().match(/GET \/api\/cas\/[0-9a-f]{64} /g)?.length ?? 0;

async function choose(...files: Array<ReturnType<typeof fixture>>) {
  await page.getByLabel("Choose files to upload").setInputFiles(files);
}

describe("the parts page in Chromium", () => {
  let firstLoad: Array<{ url: string; type: string; body: Buffer }> = [];

  it("loads under 50 KB of compressed JS and CSS and refuses a wrong token with the server's words", async () => {
    const assets: Array<Promise<{ url: string; type: string; body: Buffer }>> = [];
    const collect = (res: import("playwright-core").Response) => {
      const type = res.headers()["content-type"] ?? "";
      if (/javascript|css/.test(type)) assets.push(res.body().then((body) => ({ url: res.url(), type, body })));
    };
    page.on("response", collect);
    await page.goto(worker.url);
    await expect.poll(() => page.getByLabel("API token").isVisible()).toBe(true);
    page.off("response", collect);
    firstLoad = await Promise.all(assets);
    const gzipped = firstLoad.reduce((sum, a) => sum + gzipSync(a.body, { level: 9 }).length, 0);
    console.log(`first load: ${firstLoad.map((a) => new URL(a.url).pathname).join(", ")} = ${gzipped} bytes gzipped`);
    expect(firstLoad.length).toBeGreaterThanOrEqual(2);
    expect(gzipped).toBeLessThan(50_000);

    const refused = (await (await fetch(`${worker.url}/api/parts?limit=1`, { headers: { Authorization: "Bearer not-the-token" } })).json()) as {
      detail: string;
    };
    await page.getByLabel("API token").fill("not-the-token");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toBe(refused.detail);
  });

  it("signs in, creates a part and uploads two images and a PDF with progress", async () => {
    await page.getByLabel("API token").fill(API_TOKEN);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByLabel("New part name").fill("LM358 dual op-amp");
    await page.getByRole("button", { name: "Create part" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("LM358 dual op-amp");
    expect(page.url()).toMatch(/\/parts\/[a-z0-9]+$/);

    const sent = requests.length;
    await choose(fixture("baseline.jpg"), fixture("alpha.png"), fixture("document.pdf"));
    for (const name of ["baseline.jpg", "alpha.png", "document.pdf"]) {
      await expect.poll(() => uploadRow(name).getAttribute("data-state"), { timeout: 20_000 }).toBe("done");
      expect(await uploadRow(name).locator(".upload-status").textContent()).toBe("Uploaded");
      expect(
        await uploadRow(name)
          .getByRole("progressbar", { name: `Progress of ${name}` })
          .evaluate((p: HTMLProgressElement) => p.value),
      ).toBe(100);
    }
    // Each file's bytes went once, with its hash declared, in a raw body.
    const uploads = requests.slice(sent).filter((r) => r.method() === "POST" && /\/attachments$/.test(new URL(r.url()).pathname));
    expect((await Promise.all(uploads.map(sentBytes))).sort((a, b) => a - b)).toEqual([125, 1988, 3586]);
    for (const r of uploads) expect(r.headers()["x-content-sha256"]).toMatch(/^[0-9a-f]{64}$/);
  });

  it("shows image thumbnails that render, sized and lazy, with a 512 px srcset and alt text", async () => {
    await expect.poll(() => grid().getByRole("img").count()).toBe(2);
    const images = await grid()
      .getByRole("img")
      .evaluateAll((imgs: HTMLImageElement[]) =>
        Promise.all(
          imgs.map((img) =>
            img.decode().then(() => ({
              alt: img.alt,
              natural: img.naturalWidth,
              w: img.getAttribute("width"),
              h: img.getAttribute("height"),
              loading: img.loading,
              src: img.getAttribute("src"),
              srcset: img.getAttribute("srcset"),
            })),
          ),
        ),
      );
    for (const img of images) {
      expect(img.natural).toBeGreaterThan(0);
      expect(img).toMatchObject({ w: "150", h: "150", loading: "lazy" });
      expect(img.src).toMatch(/^\/api\/cas\/[0-9a-f]{64}\?thumbnail=150$/);
      expect(img.srcset).toBe(`${img.src} 1x, ${img.src!.replace("thumbnail=150", "thumbnail=512")} 2x`);
    }
    expect(images.map((i) => i.alt).sort()).toEqual(["alpha.png", "baseline.jpg"]);
    const pdf = page.getByRole("list", { name: "Other files" }).getByRole("listitem");
    expect(await pdf.textContent()).toContain("125 B");
    expect(await pdf.getByRole("link", { name: "Download document.pdf" }).getAttribute("href")).toMatch(/disposition=attachment/);
  });

  it("attaches a file the store already has without sending its bytes", async () => {
    const sent = requests.length;
    await choose(fixture("baseline.jpg"));
    await expect.poll(() => page.locator(".upload[data-state=done]").count()).toBe(4);
    expect(await uploadRow("baseline.jpg").last().locator(".upload-status").textContent()).toBe("Already stored: attached without uploading");
    await expect.poll(() => grid().getByRole("img").count()).toBe(3);

    const calls = requests.slice(sent).filter((r) => r.method() !== "GET");
    expect(calls.map((r) => `${r.method()} ${new URL(r.url()).pathname.replace(/[a-z0-9]+(?=\/attachments)/, ":key")}`)).toEqual([
      "POST /api/cas/exists",
      "POST /api/parts/:key/attachments",
    ]);
    const attach = calls[1]!;
    expect(attach.headers()["content-type"]).toBe("application/json");
    expect(JSON.parse(attach.postData()!)).toMatchObject({ filename: "baseline.jpg", sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(await Promise.all(calls.map(sentBytes))).toEqual([expect.any(Number), attach.postDataBuffer()!.length]);
    expect(Math.max(...(await Promise.all(calls.map(sentBytes))))).toBeLessThan(300);
  });

  it("sets the cover, renames, copies and deletes (after confirming)", async () => {
    await page.getByRole("button", { name: "Set alpha.png as cover" }).click();
    await expect.poll(() => page.locator(".card.cover").getByRole("img").getAttribute("alt")).toBe("alpha.png");
    expect(await page.locator(".card.cover .badge").textContent()).toBe("Cover");

    await page.getByRole("button", { name: "Rename document.pdf" }).click();
    await page.getByLabel("New title for document.pdf").fill("LM358 datasheet");
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.getByRole("list", { name: "Other files" }).textContent()).toContain("LM358 datasheet");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Rename document.pdf");

    const other = (await (
      await fetch(`${worker.url}/api/parts`, {
        method: "POST",
        headers: { Authorization: `Bearer ${API_TOKEN}`, "Content-Type": "application/json" },
        body: JSON.stringify({ name: "LM358 spare" }),
      })
    ).json()) as { key: string };
    await page.getByRole("button", { name: "Copy document.pdf to another part" }).click();
    await page.getByLabel("Key of the part to copy document.pdf to").fill(other.key);
    await page.getByRole("button", { name: "Copy", exact: true }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toBe(`Copied document.pdf to part ${other.key}.`);
    const copied = (await (
      await fetch(`${worker.url}/api/parts/${other.key}/attachments`, { headers: { Authorization: `Bearer ${API_TOKEN}` } })
    ).json()) as unknown[];
    expect(copied).toHaveLength(1);

    await page.getByRole("button", { name: "Delete baseline.jpg" }).last().click();
    await expect.poll(() => grid().getByRole("img").count()).toBe(2);
    expect(await page.getByRole("alert").textContent()).toBe("Deleted baseline.jpg.");
  });

  it("sends a file over the worker's one-request limit through /api/uploads, then attaches the blob by hash", async () => {
    const sent = requests.length;
    const big = { name: "too-big.bin", mimeType: "application/octet-stream", buffer: Buffer.alloc(MAX_UPLOAD_BYTES + 100_000, 7) };
    await choose(big);
    await expect.poll(() => uploadRow("too-big.bin").getAttribute("data-state")).toBe("done");
    expect(await uploadRow("too-big.bin").locator(".upload-status").textContent()).toBe("Uploaded");
    // Never in one request (the worker would refuse it): a session, its one part, complete, then the attachment by hash.
    const calls = requests.slice(sent).filter((r) => r.method() !== "GET");
    expect(
      calls.map((r) => `${r.method()} ${new URL(r.url()).pathname.replace(/[0-9a-f-]{36}/, ":id").replace(/[a-z0-9]+(?=\/attachments)/, ":key")}`),
    ).toEqual([
      "POST /api/cas/exists",
      "POST /api/uploads",
      "PUT /api/uploads/:id/parts/1",
      "POST /api/uploads/:id/complete",
      "POST /api/parts/:key/attachments",
    ]);
    expect(await sentBytes(calls[2]!)).toBe(big.buffer.length);
    expect(JSON.parse(calls[4]!.postData()!)).toMatchObject({
      filename: "too-big.bin",
      sha256: createHash("sha256").update(big.buffer).digest("hex"),
    });

    // The part reloads once the attachment is made (redrawing the cards): wait for it before opening a form on one.
    await expect.poll(() => page.getByRole("list", { name: "Other files" }).getByText("too-big.bin").count()).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Copy alpha.png to another part" }).click();
    await page.getByLabel("Key of the part to copy alpha.png to").fill("nosuchpart");
    await page.getByRole("button", { name: "Copy", exact: true }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toBe('No part with key "nosuchpart".');
    await page.getByRole("button", { name: "Cancel" }).click();
  });

  it("shows the worker's problem detail at once when the worker refuses a file the page let through", async () => {
    // A page told a larger limit than the worker has (one open while a deploy lowered it), in a
    // context of its own: routing a request turns the HTTP cache off, which later tests rely on.
    const other = await browser.newContext();
    await other.addInitScript((token) => sessionStorage.setItem("cas-edge.token", token), API_TOKEN);
    await other.route("**/api/limits", (route) =>
      route.fulfill({ json: { bodies: { upload: 10 * MAX_UPLOAD_BYTES }, routes: [] }, headers: { "Cache-Control": "no-store" } }),
    );
    const told = await other.newPage();
    const uploads: Request[] = [];
    told.on("request", (r) => r.method() === "POST" && /\/attachments$/.test(new URL(r.url()).pathname) && uploads.push(r));
    await told.goto(page.url());
    await expect.poll(() => told.getByRole("heading", { level: 1 }).textContent()).toBe("LM358 dual op-amp");
    const refused = { name: "refused.bin", mimeType: "application/octet-stream", buffer: Buffer.alloc(MAX_UPLOAD_BYTES + 100_000, 9) };
    await told.getByLabel("Choose files to upload").setInputFiles([refused]);
    const row = told.locator(".upload", { has: told.locator(".upload-name", { hasText: "refused.bin" }) });
    await expect.poll(() => row.getAttribute("data-state")).toBe("error");
    expect(await row.locator(".upload-status").textContent()).toBe(`The body has ${refused.buffer.length} bytes; the limit is ${MAX_UPLOAD_BYTES}.`);
    // The page sent it; the worker refused it from its declared length.
    expect(uploads).toHaveLength(1);
    expect(worker.output()).toMatch(/POST \/api\/parts\/[a-z0-9]+\/attachments 413/);
    await other.close();
  });

  it("takes dropped files, hashing a big one in the page's worker thread", async () => {
    const size = WEBCRYPTO_LIMIT + 1;
    const zeros = createHash("sha256").update(Buffer.alloc(size)).digest("hex");
    const exists = page.waitForRequest((r) => r.url().endsWith("/api/cas/exists"));
    const hashWorker = page.waitForRequest((r) => new URL(r.url()).pathname === "/build/hash-worker.js");
    const dataTransfer = await page.evaluateHandle((n) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(n)], "zeros.bin", { type: "application/octet-stream" }));
      return dt;
    }, size);
    await page.locator(".dropzone").dispatchEvent("drop", { dataTransfer });
    await hashWorker;
    expect(JSON.parse((await exists).postData()!)).toEqual({ hashes: [zeros] });
    await expect.poll(() => uploadRow("zeros.bin").getAttribute("data-state"), { timeout: 20_000 }).toBe("done");
    expect(await uploadRow("zeros.bin").locator(".upload-status").textContent()).toBe("Uploaded");
  });

  it("reloads without requesting a thumbnail it already showed", async () => {
    const { fromNetwork, stop } = await networkFetches(context, page, (url) => url.includes("thumbnail="));
    expect(thumbnailHits()).toBeGreaterThanOrEqual(2);
    const hitsBefore = thumbnailHits();
    await page.reload();
    await expect.poll(() => grid().getByRole("img").count()).toBe(2);
    const natural = await grid()
      .getByRole("img")
      .evaluateAll((imgs: HTMLImageElement[]) => Promise.all(imgs.map((i) => i.decode().then(() => i.naturalWidth))));
    expect(natural.every((w) => w > 0)).toBe(true);
    expect(fromNetwork).toEqual([]);
    expect(thumbnailHits()).toBe(hitsBefore);
    await stop();
  });

  it("fits a phone-width window and keeps the token out of URLs and logs", async () => {
    await page.screenshot({ path: "/tmp/cas-edge-desktop.png", fullPage: true });
    await page.setViewportSize({ width: 375, height: 740 });
    await page.screenshot({ path: "/tmp/cas-edge-phone.png", fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    for (const r of requests) expect(r.url()).not.toContain(API_TOKEN);
    for (const line of consoleLines) expect(line).not.toContain(API_TOKEN);
    expect(worker.output()).not.toContain(API_TOKEN);
  });

  it("lists and searches parts", async () => {
    await page.getByRole("link", { name: "← All parts" }).click();
    await expect.poll(() => page.getByRole("link", { name: /LM358/ }).count()).toBe(2);
    await page.getByLabel("Search parts").fill("spare");
    await page.getByRole("button", { name: "Search" }).click();
    await expect.poll(() => page.getByRole("list").getByRole("link").allTextContents()).toEqual(["LM358 spare"]);
    expect(new URL(page.url()).search).toBe("?q=spare");
  });

  it("renders the API reference from the worker's own files", async () => {
    const origins = new Set<string>();
    const docs = await context.newPage();
    docs.on("request", (r) => origins.add(new URL(r.url()).origin));
    await docs.goto(`${worker.url}/api/docs`);
    await expect.poll(() => docs.locator(".opblock-summary-path").count(), { timeout: 20_000 }).toBeGreaterThan(5);
    expect(await docs.locator(".opblock-summary-path").allTextContents()).toContain("/api/parts/{key}/attachments");
    expect([...origins].filter((o) => !o.startsWith("data:"))).toEqual([worker.url]);
    await docs.close();
  });
});
