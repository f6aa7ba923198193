import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalWorker } from "../../scripts/lib/local-worker.ts";
import { launchChromium } from "./support/chromium";
import { API_TOKEN, startPageWorker } from "./support/worker";

let worker: LocalWorker;
let browser: Browser;
let page: Page;
const searches: string[] = [];

beforeAll(async () => {
  [worker, browser] = await Promise.all([startPageWorker(), launchChromium()]);
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  page.setDefaultTimeout(10_000);
  // A page load waits on wrangler dev, which a loaded 2-core runner can hold up longer than a step.
  page.setDefaultNavigationTimeout(30_000);
  page.on("request", (r) => {
    if (new URL(r.url()).pathname === "/api/search") searches.push(new URL(r.url()).searchParams.get("q") ?? "");
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

async function createPart(body: { name: string; description?: string }): Promise<string> {
  const res = await fetch(`${worker.url}/api/parts`, {
    method: "POST",
    headers: { Authorization: `Bearer ${API_TOKEN}`, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { key: string }).key;
}

const field = () => page.getByRole("combobox", { name: "Search parts" });
const options = () => page.getByRole("listbox", { name: "Search results" }).getByRole("option");

describe("the parts page's search box in Chromium", () => {
  it("shows results as you type with the matches marked, and opens one from the keyboard", async () => {
    const lm358 = await createPart({ name: "LM358 dual op amp" });
    const lm324 = await createPart({ name: "LM324 quad op amp", description: "<b>not bold</b> LM358's big brother" });
    await createPart({ name: "NE555 timer" });

    await page.goto(worker.url);
    await page.getByLabel("API token").fill(API_TOKEN);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Parts" }).isVisible()).toBe(true);

    // Two characters: nothing is sent, the page says why.
    await field().pressSequentially("LM");
    await expect.poll(() => page.getByRole("status").filter({ hasText: "3 or more characters" }).count()).toBe(1);
    expect(searches).toEqual([]);

    // Typed quickly, "LM358" is one request (debounced), not one per key.
    await field().pressSequentially("358", { delay: 20 });
    await expect.poll(() => options().count()).toBe(2);
    expect(searches).toEqual(["LM358"]);
    expect(await options().nth(0).locator(".search-title").textContent()).toBe("LM358 dual op amp");
    expect(await options().nth(0).locator("mark").allTextContents()).toEqual(["LM358"]);
    // The description's text stays text: the markup in it is not rendered.
    expect(await options().nth(1).locator("mark").allTextContents()).toEqual(["LM358"]);
    expect(await options().nth(1).locator(".snippet").textContent()).toContain("<b>not bold</b>");
    expect(await options().nth(1).locator("b").count()).toBe(0);

    await field().press("ArrowDown");
    expect(await field().getAttribute("aria-activedescendant")).toBe("search-option-0");
    await field().press("ArrowDown");
    expect(await options().nth(1).getAttribute("aria-selected")).toBe("true");
    await field().press("ArrowUp");
    expect(await options().nth(0).getAttribute("aria-selected")).toBe("true");
    await field().press("Escape");
    await expect.poll(() => options().count()).toBe(0);

    // Typing again brings the list back; ArrowDown twice and Enter opens the second result.
    await field().press("Backspace");
    await field().pressSequentially("8");
    await expect.poll(() => options().count()).toBe(2);
    await field().press("ArrowDown");
    await field().press("ArrowDown");
    await field().press("Enter");
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/parts/${lm324}`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("LM324 quad op amp");

    // Back on the list, a click opens a result too.
    await page.getByRole("link", { name: "← All parts" }).click();
    await field().fill("dual op");
    await expect.poll(() => options().count()).toBe(1);
    await options().first().click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/parts/${lm358}`);
  });

  it("cancels the request a newer keystroke replaces", async () => {
    await page.getByRole("link", { name: "← All parts" }).click();
    const aborted: string[] = [];
    page.on("requestfailed", (r) => {
      if (new URL(r.url()).pathname === "/api/search") aborted.push(new URL(r.url()).searchParams.get("q") ?? "");
    });
    // Hold every search answer back a while, so the next one starts while the first is in flight.
    await page.route("**/api/search?*", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 600));
      await route.continue().catch(() => {});
    });
    await field().fill("timer");
    await expect.poll(() => searches.at(-1)).toBe("timer");
    await field().fill("NE555");
    await expect.poll(() => options().count()).toBe(1);
    expect(await options().first().locator("mark").allTextContents()).toEqual(["NE555"]);
    expect(aborted).toContain("timer");
    await page.unroute("**/api/search?*");
  });
});
