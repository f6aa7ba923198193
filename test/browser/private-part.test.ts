import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalWorker } from "../../scripts/lib/local-worker.ts";
import { launchChromium } from "./support/chromium";
import { networkFetches } from "./support/network";
import { API_TOKEN, startPageWorker } from "./support/worker";

/** A key for this file's worker only; it signs nothing anywhere else. */
const LINK_SIGNING_KEYS = JSON.stringify({ keys: [{ kty: "oct", kid: "browser-1", k: "Wm9c7yq0VbS8Qd3H2pJx5rT1uN6aK4eL9fG0hC2iB7M" }] });

const fixture = (name: string) => ({
  name,
  mimeType: name.endsWith(".png") ? "image/png" : "image/jpeg",
  buffer: readFileSync(join(import.meta.dirname, "../fixtures", name)),
});

let worker: LocalWorker;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [worker, browser] = await Promise.all([startPageWorker({ LINK_SIGNING_KEYS }), launchChromium()]);
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  // Shorter than the test timeout: an element that never comes fails at its own step, named.
  page.setDefaultTimeout(10_000);
  // A page load waits on wrangler dev, which a loaded 2-core runner can hold up longer than a step.
  page.setDefaultNavigationTimeout(30_000);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

const grid = () => page.getByRole("list", { name: "Images" });
const uploadRow = (name: string) => page.locator(".upload", { has: page.locator(".upload-name", { hasText: name }) });
/** Private blob GETs that reached the worker, from wrangler's request log (which leaves out query strings). */
const privateHits = () => worker.output().match(/GET \/api\/private\/[0-9a-f]{64} /g)?.length ?? 0;

async function renderedThumbnails(): Promise<Array<{ natural: number; src: string | null; srcset: string | null }>> {
  return grid()
    .getByRole("img")
    .evaluateAll((imgs: HTMLImageElement[]) =>
      Promise.all(
        imgs.map((img) => img.decode().then(() => ({ natural: img.naturalWidth, src: img.getAttribute("src"), srcset: img.getAttribute("srcset") }))),
      ),
    );
}

describe("a private part in Chromium", () => {
  it("is made private with its labelled checkbox, and its uploads show thumbnails through signed links", async () => {
    await page.goto(worker.url);
    await page.getByLabel("API token").fill(API_TOKEN);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByLabel("New part name").fill("Prototype board");
    await page.getByRole("button", { name: "Create part" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Prototype board");

    const box = page.getByRole("checkbox", { name: "Private part" });
    await expect.poll(() => box.isEnabled()).toBe(true);
    expect(await box.isChecked()).toBe(false);
    await box.check();
    await expect.poll(() => page.getByRole("alert").textContent()).toBe("The part is private now.");
    const key = new URL(page.url()).pathname.split("/").pop()!;
    const part = (await (await fetch(`${worker.url}/api/parts/${key}`, { headers: { Authorization: `Bearer ${API_TOKEN}` } })).json()) as {
      private: boolean;
    };
    expect(part.private).toBe(true);

    await page.getByLabel("Choose files to upload").setInputFiles([fixture("baseline.jpg"), fixture("alpha.png")]);
    for (const name of ["baseline.jpg", "alpha.png"]) {
      await expect.poll(() => uploadRow(name).getAttribute("data-state"), { timeout: 20_000 }).toBe("done");
    }
    await expect.poll(() => grid().getByRole("img").count()).toBe(2);
    const thumbnails = await renderedThumbnails();
    for (const img of thumbnails) {
      expect(img.natural).toBeGreaterThan(0);
      expect(img.src).toMatch(/^\/api\/private\/[0-9a-f]{64}\?thumbnail=150&exp=[0-9]+&kid=browser-1&sig=[\w-]{43}$/);
      expect(img.srcset).toMatch(/^\/api\/private\/[0-9a-f]{64}\?thumbnail=150&\S+ 1x, \/api\/private\/[0-9a-f]{64}\?thumbnail=512&\S+ 2x$/);
    }
    // wrangler writes its request log after the answer has left: the lines can trail the images.
    await expect.poll(() => privateHits()).toBeGreaterThanOrEqual(2);
  });

  it("reloads without fetching any thumbnail it already showed", async () => {
    const { fromNetwork, stop } = await networkFetches(context, page, (url) => url.includes("/api/private/"));
    const before = (await renderedThumbnails()).map((img) => img.src);
    const hitsBefore = privateHits();

    await page.reload();
    await expect.poll(() => grid().getByRole("img").count()).toBe(2);
    const after = await renderedThumbnails();

    expect(after.every((img) => img.natural > 0)).toBe(true);
    // The API handed out the same signed URLs (stable within a window), and the browser kept them.
    expect(after.map((img) => img.src).sort()).toEqual(before.sort());
    expect(fromNetwork).toEqual([]);
    expect(privateHits()).toBe(hitsBefore);
    await stop();
  });
});
