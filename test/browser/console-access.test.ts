import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { exportJWK, generateKeyPair } from "jose";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalWorker } from "../../scripts/lib/local-worker.ts";
import { launchChromium } from "./support/chromium";
import { API_TOKEN, startPageWorker } from "./support/worker";

const ADMIN_TOKEN = "browser-test-admin-token";
const CAS_WRITE_TOKEN = "browser-test-write-token";
/** Screenshots for people to look at (not compared by the test). */
const SHOTS = "/tmp/i23-shots";

let worker: LocalWorker;
let browser: Browser;
const contexts: BrowserContext[] = [];
/** Every dialog's message, in order; a test sets `answer` to accept or dismiss the next one. */
const dialogs: string[] = [];
let answer: "accept" | "dismiss" = "accept";

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const { privateKey } = await generateKeyPair("ES256", { extractable: true });
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(privateKey)), kid: "browser", alg: "ES256" }] });
  [worker, browser] = await Promise.all([startPageWorker({ JWT_PRIVATE_JWKS: jwks }), launchChromium()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

async function newPage(options: { clock?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  if (options.clock) await context.clock.install();
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  // A page load waits for the worker under wrangler dev, which a loaded machine slows more than a click.
  page.setDefaultNavigationTimeout(30_000);
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void (answer === "accept" ? d.accept() : d.dismiss());
  });
  return page;
}

async function signIn(page: Page, token: string, path = "/"): Promise<void> {
  await page.goto(`${worker.url}${path}`);
  await page.getByLabel("API token").fill(token);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect.poll(() => page.locator(".who").textContent()).toMatch(/\S/);
}

const navLinks = (page: Page) => page.getByRole("navigation", { name: "Site" }).getByRole("link").allTextContents();
const heading = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();
const alert = (page: Page) => page.locator("#status").textContent();

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 375, height: 740 });
  await page.screenshot({ path: join(SHOTS, `${name}-375.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

function tokenRequest(clientId: string, secret: string): Promise<Response> {
  return fetch(`${worker.url}/api/oauth/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: secret }),
  });
}

/** Every value the tab keeps in sessionStorage. */
const stored = (page: Page) => page.evaluate(() => Object.values(sessionStorage).join("\n"));

describe("the console's navigation per token", () => {
  it("opens the parts list and every console section to ADMIN_TOKEN, current section marked", async () => {
    const page = await newPage();
    await page.goto(worker.url);
    await expect.poll(() => page.getByLabel("Client secret").isVisible()).toBe(true);
    await shoot(page, "sign-in");
    await signIn(page, ADMIN_TOKEN);
    await expect.poll(() => heading(page)).toBe("Parts");
    expect(await navLinks(page)).toEqual(["Parts", "Accounts", "Storage mode", "Housekeeping", "Devices", "Coredumps", "API reference"]);
    expect(await page.getByRole("link", { name: "Parts", exact: true }).getAttribute("aria-current")).toBe("page");
    expect(await page.locator(".who").textContent()).toBe("static:ADMIN_TOKEN");
    await shoot(page, "parts-admin");

    await page.getByRole("link", { name: "Storage mode" }).click();
    await expect.poll(() => heading(page)).toBe("Storage mode");
    expect(page.url()).toBe(`${worker.url}/console/mode`);
    expect(await page.getByRole("link", { name: "Storage mode" }).getAttribute("aria-current")).toBe("page");
    expect(await page.getByRole("link", { name: "Parts", exact: true }).getAttribute("aria-current")).toBeNull();
  });

  it("shows API_TOKEN (parts:*) the parts and the fleet, not the admin sections, and the lacking scope at their paths", async () => {
    const page = await newPage();
    await signIn(page, API_TOKEN);
    await expect.poll(() => heading(page)).toBe("Parts");
    expect(await navLinks(page)).toEqual(["Parts", "Devices", "Coredumps", "API reference"]);
    await page.goto(`${worker.url}/console/accounts`);
    await expect.poll(() => heading(page)).toBe("Accounts");
    expect(await page.locator("main p").first().textContent()).toBe('This token lacks the scope "admin" this section needs.');
    expect(await page.getByLabel("Name").count()).toBe(0);
  });

  it("shows a cas:write-only token neither the parts nor the console", async () => {
    const page = await newPage();
    await signIn(page, CAS_WRITE_TOKEN);
    await expect.poll(() => page.locator("main p").first().textContent()).toBe('This token lacks the scope "parts:read" the parts catalogue needs.');
    expect(await navLinks(page)).toEqual(["API reference"]);
  });
});

describe("service accounts in the console", () => {
  let admin: Page;
  let clientId = "";
  let firstSecret = "";
  const card = () => admin.locator(".account", { has: admin.getByRole("heading", { name: "Label printer" }) });
  const fact = (term: string) => card().locator(`dt:text-is("${term}") + dd`).textContent();

  it("creates an account whose secret is shown once, works at the token endpoint and never appears again", async () => {
    admin = await newPage();
    await admin.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: worker.url });
    await signIn(admin, ADMIN_TOKEN, "/console/accounts");
    await expect.poll(() => heading(admin)).toBe("Accounts");
    await admin.getByLabel("Name").fill("Label printer");
    await admin.getByLabel("parts:read").check();
    await admin.getByRole("button", { name: "Create account" }).click();

    const panel = admin.getByRole("region", { name: "Account created: Label printer" });
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await panel.locator(".warning").textContent()).toContain("shown this once");
    firstSecret = (await panel.locator(".secret").textContent()) ?? "";
    clientId = (await panel.locator("code").first().textContent()) ?? "";
    expect(clientId).toMatch(/^sa_/);
    await panel.getByRole("button", { name: "Copy secret" }).click();
    await expect.poll(() => panel.getByRole("button", { name: "Copied", exact: true }).count()).toBe(1);
    expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(firstSecret);
    await shoot(admin, "accounts-secret");

    const granted = await tokenRequest(clientId, firstSecret);
    expect(granted.status).toBe(200);
    expect(((await granted.json()) as { scope: string }).scope).toBe("parts:read");

    await admin.reload();
    await expect.poll(() => card().count()).toBe(1);
    expect(await admin.content()).not.toContain(firstSecret);
    expect(await fact("Client ID")).toBe(clientId);
    expect(await fact("Scopes")).toBe("parts:read");
    expect(await fact("Secrets")).toBe("1: made just now");
    // Stamped by the token request above.
    expect(await fact("Last used")).toBe("just now");
    expect(await stored(admin)).not.toContain(firstSecret);
  });

  it("offers a parts:read-only token no control it may not use on the parts pages", async () => {
    const asAdmin = { Authorization: `Bearer ${ADMIN_TOKEN}` };
    const made = await fetch(`${worker.url}/api/parts`, {
      method: "POST",
      headers: { ...asAdmin, "Content-Type": "application/json" },
      body: JSON.stringify({ name: "Read-only view" }),
    });
    expect(made.status).toBe(201);
    const { key } = (await made.json()) as { key: string };
    const attached = await fetch(`${worker.url}/api/parts/${key}/attachments`, {
      method: "POST",
      headers: { ...asAdmin, "Content-Type": "text/plain", "X-Filename": "notes.txt" },
      body: "calibration notes",
    });
    expect(attached.status).toBe(201);
    const token = ((await (await tokenRequest(clientId, firstSecret)).json()) as { access_token: string }).access_token;

    const page = await newPage();
    await signIn(page, token);
    await expect.poll(() => page.getByRole("link", { name: "Read-only view" }).count()).toBe(1);
    expect(await page.getByRole("button", { name: "Create part" }).count()).toBe(0);
    await page.getByRole("link", { name: "Read-only view" }).click();
    await expect.poll(() => page.getByText("notes.txt").count()).toBeGreaterThan(0);
    expect(await page.getByLabel("Choose files to upload").count()).toBe(0);
    for (const action of ["Rename", "Copy to…", "Delete"]) expect(await page.getByRole("button", { name: action }).count(), action).toBe(0);
    expect(await page.getByLabel("Private part").isDisabled()).toBe(true);

    // The same part to ADMIN_TOKEN (admin implies parts:*): every control is there.
    const operator = await newPage();
    await signIn(operator, ADMIN_TOKEN, `/parts/${key}`);
    await expect.poll(() => operator.getByRole("button", { name: "Delete" }).count()).toBe(1);
    expect(await operator.getByLabel("Choose files to upload").count()).toBe(1);
    expect(await operator.getByLabel("Private part").isDisabled()).toBe(false);
  });

  it("signs in with the account's client id and secret, keeps only the token, and signs out when it expires", async () => {
    const page = await newPage({ clock: true });
    await page.goto(worker.url);
    await page.getByLabel("Client ID").fill(clientId);
    await page.getByLabel("Client secret").fill(firstSecret);
    await page.getByRole("button", { name: "Use client credentials" }).click();
    await expect.poll(() => heading(page)).toBe("Parts");
    expect(await page.locator(".who").textContent()).toBe(clientId);
    expect(await navLinks(page)).toEqual(["Parts", "Devices", "Coredumps", "API reference"]);
    const kept = await stored(page);
    expect(kept).not.toContain(firstSecret);
    expect(kept).toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);

    // A parts:read token is not offered what it may not do.
    expect(await page.getByLabel("New part name").count()).toBe(0);

    // The token lives 15 minutes (ACCESS_TOKEN_TTL's default).
    await page.clock.fastForward("15:01");
    await expect.poll(() => page.getByLabel("Client secret").isVisible()).toBe(true);
    expect(await alert(page)).toMatch(/^The sign-in expired at .+: sign in again\.$/);
    expect(await stored(page)).not.toMatch(/eyJ/);
  });

  it("rotates, retires the older secret, and disables and enables, asking before retire and disable", async () => {
    await card().getByRole("button", { name: "Rotate secret: Label printer" }).click();
    const panel = admin.getByRole("region", { name: "New secret: Label printer" });
    await expect.poll(() => panel.isVisible()).toBe(true);
    const secondSecret = (await panel.locator(".secret").textContent()) ?? "";
    expect(secondSecret).not.toBe(firstSecret);
    await expect.poll(() => fact("Secrets")).toMatch(/^2: made /);
    expect((await tokenRequest(clientId, firstSecret)).status).toBe(200);
    expect((await tokenRequest(clientId, secondSecret)).status).toBe(200);

    const asked = dialogs.length;
    answer = "dismiss";
    await card().getByRole("button", { name: "Retire older secret: Label printer" }).click();
    await expect.poll(() => dialogs.length).toBe(asked + 1);
    expect(dialogs.at(-1)).toMatch(/^Retire the older secret of "Label printer"/);
    expect((await tokenRequest(clientId, firstSecret)).status).toBe(200);

    answer = "accept";
    await card().getByRole("button", { name: "Retire older secret: Label printer" }).click();
    await expect.poll(() => fact("Secrets")).toBe("1: made just now");
    expect((await tokenRequest(clientId, firstSecret)).status).toBe(401);
    expect((await tokenRequest(clientId, secondSecret)).status).toBe(200);

    answer = "dismiss";
    await card().getByRole("button", { name: "Disable: Label printer" }).click();
    await expect.poll(() => dialogs.length).toBe(asked + 3);
    expect(dialogs.at(-1)).toMatch(/^Disable "Label printer"\?/);
    expect((await tokenRequest(clientId, secondSecret)).status).toBe(200);

    answer = "accept";
    await card().getByRole("button", { name: "Disable: Label printer" }).click();
    await expect.poll(() => card().locator(".badge-off").count()).toBe(1);
    const refused = await tokenRequest(clientId, secondSecret);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error_description: string }).error_description).toBe("This client is disabled.");
    await shoot(admin, "accounts-list");

    // Enabling takes nothing away: no question.
    await card().getByRole("button", { name: "Enable: Label printer" }).click();
    await expect.poll(() => card().locator(".badge-off").count()).toBe(0);
    expect(dialogs.length).toBe(asked + 4);
    expect((await tokenRequest(clientId, secondSecret)).status).toBe(200);
  });
});

describe("the storage mode in the console", () => {
  it("switches to ro after saying what it refuses; an upload then shows the storage-mode problem under the banner; and back", async () => {
    answer = "accept";
    const page = await newPage();
    await signIn(page, ADMIN_TOKEN);
    await page.getByLabel("New part name").fill("Mode test part");
    await page.getByRole("button", { name: "Create part" }).click();
    await expect.poll(() => heading(page)).toBe("Mode test part");
    const partPath = new URL(page.url()).pathname;
    expect(await page.locator(".mode-banner").count()).toBe(0);

    await page.getByRole("link", { name: "Storage mode" }).click();
    await expect.poll(() => page.locator(".mode-now").textContent()).toMatch(/^The store is in edit mode, set by the STORAGE_MODE var/);
    const asked = dialogs.length;
    await page.getByRole("button", { name: "Switch to ro" }).click();
    await expect.poll(() => page.locator(".mode-now").textContent()).toMatch(/^The store is in ro mode, switched at runtime/);
    expect(dialogs[asked]).toMatch(/^Switch the store to "ro"\? It then refuses uploads, edits and deletes; only reads work\./);
    // The banner follows without a reload, on this page and the next.
    await expect.poll(() => page.locator(".mode-banner").textContent()).toMatch(/^The store is read-only/);
    await shoot(page, "mode-ro");

    await page.goto(`${worker.url}${partPath}`);
    await expect.poll(() => heading(page)).toBe("Mode test part");
    expect(await page.locator(".mode-banner").textContent()).toBe(
      "The store is read-only: uploads, edits and deletes are refused (switched by an operator).",
    );
    const refused = (await (
      await fetch(`${worker.url}/api/parts`, {
        method: "POST",
        headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, "Content-Type": "application/json" },
        body: JSON.stringify({ name: "x" }),
      })
    ).json()) as { detail: string };
    const file = { name: "alpha.png", mimeType: "image/png", buffer: readFileSync(join(import.meta.dirname, "../fixtures/alpha.png")) };
    await page.getByLabel("Choose files to upload").setInputFiles(file);
    const row = page.locator(".upload", { has: page.locator(".upload-name", { hasText: "alpha.png" }) });
    await expect.poll(() => row.getAttribute("data-state"), { timeout: 20_000 }).toBe("error");
    expect(await row.locator(".upload-status").textContent()).toBe(refused.detail);
    expect(refused.detail).toContain('"ro" mode');
    await shoot(page, "parts-ro-banner");

    await page.getByRole("link", { name: "Storage mode" }).click();
    await page.getByRole("button", { name: "Back to STORAGE_MODE (edit)" }).click();
    await expect.poll(() => page.locator(".mode-now").textContent()).toMatch(/^The store is in edit mode, set by the STORAGE_MODE var/);
    expect(dialogs.at(-1)).toMatch(/^Go back to the STORAGE_MODE setting \("edit"\)\? The store then refuses nothing/);
    await expect.poll(() => page.locator(".mode-banner").count()).toBe(0);

    await page.goto(`${worker.url}${partPath}`);
    await page.getByLabel("Choose files to upload").setInputFiles(file);
    await expect.poll(() => row.getAttribute("data-state"), { timeout: 20_000 }).toBe("done");
  });
});
