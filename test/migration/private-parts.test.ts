import { createExecutionContext, createScheduledController, env, SELF, waitOnExecutionContext } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import worker from "../../src/index";
import { runBatch } from "../../src/migration/batch";
import { migrationLock } from "../../src/migration/lock";
import { type AttachmentJson, api, pdfBytes } from "../support/api";
import { ORIGIN, randomBytes, sha256 } from "../support/blobs";
import { fixture } from "../support/fixtures";
import { releaseMigrationLock, resetMigrationState, rowHash, seedLegacyPart } from "../support/legacy";
import { storePrivate } from "../support/private";
import { copies, expectSignedLink, rowVisibility } from "../support/private-parts";
import { recordingBucket } from "../support/worker";

beforeEach(async () => {
  await releaseMigrationLock();
  await resetMigrationState();
});

async function cron() {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron: "* * * * *" }), env, ctx);
  await waitOnExecutionContext(ctx);
}

/** One batch under a fresh lease, through bindings that may be wrapped. */
async function batch(bindings: Partial<Env> = {}) {
  const lease = await migrationLock(env).acquire(`test-${crypto.randomUUID()}`, 60_000);
  try {
    return await runBatch({ ...env, ...bindings }, { token: lease!.token, batchSize: 100, budgetMs: 60_000, dryRun: false });
  } finally {
    await migrationLock(env).release(lease!.owner, lease!.token);
  }
}

async function linksOf(key: string): Promise<AttachmentJson[]> {
  return (await api(`/parts/${key}/attachments`)).json();
}

/** Follows a legacy link without following its redirect. */
function follow(link: string): Promise<Response> {
  return SELF.fetch(`${ORIGIN}${link}`, { redirect: "manual" });
}

async function served(link: string): Promise<Uint8Array> {
  const res = await SELF.fetch(`${ORIGIN}${link}`);
  expect(res.status, link).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

const pdfDownload = { contentType: "application/pdf", disposition: "attachment", filename: "old.bin" } as const;
const pdfView = { contentType: "application/pdf", disposition: "inline", filename: "old.bin" } as const;

describe("the batch migrates a private part's legacy rows into the private space", () => {
  it("stores a private part's row at private/cas/<hash> and marks it private; a public part's row stays public", async () => {
    const secret = await seedLegacyPart([{ bytes: pdfBytes(2000), type: "application/pdf" }], { private: true });
    const plain = await seedLegacyPart([{ bytes: pdfBytes(2000), type: "application/pdf" }]);
    const [secretRow, plainRow] = [secret.rows[0]!, plain.rows[0]!];
    const [secretHash, plainHash] = [await sha256(secretRow.bytes!), await sha256(plainRow.bytes!)];

    await cron();

    expect(await rowHash(secretRow.id)).toBe(secretHash);
    expect(await copies(secretHash)).toEqual([null, 2000]);
    expect(await rowVisibility(secretRow.id)).toBe("private");
    const stored = await env.BUCKET.get(`private/cas/${secretHash}`);
    expect(new Uint8Array(await stored!.arrayBuffer())).toEqual(secretRow.bytes);

    expect(await rowHash(plainRow.id)).toBe(plainHash);
    expect(await copies(plainHash)).toEqual([2000, null]);
    expect(await rowVisibility(plainRow.id)).toBe("public");

    // The answers now name the migrated blobs: signed for the private part, public for the other.
    const [secretJson] = await linksOf(secret.key);
    await expectSignedLink(secretJson!.download_url, secretHash, pdfDownload);
    expect(await served(secretJson!.download_url!)).toEqual(secretRow.bytes);
    expect((await SELF.fetch(`${ORIGIN}/api/cas/${secretHash}`)).status).toBe(404);
    const [plainJson] = await linksOf(plain.key);
    expect(plainJson!.download_url).toBe(`/api/cas/${plainHash}?content_type=application%2Fpdf&disposition=attachment&filename=old.bin`);
  });

  it("keeps the same bytes once per space when a public and a private part both have them", async () => {
    const bytes = randomBytes(3000);
    const secret = await seedLegacyPart([{ bytes }], { private: true });
    const plain = await seedLegacyPart([{ bytes }]);
    const hash = await sha256(bytes);

    await batch();

    expect(await rowHash(secret.rows[0]!.id)).toBe(hash);
    expect(await rowHash(plain.rows[0]!.id)).toBe(hash);
    expect(await copies(hash)).toEqual([3000, 3000]);
    expect(await rowVisibility(secret.rows[0]!.id)).toBe("private");
    expect(await rowVisibility(plain.rows[0]!.id)).toBe("public");
  });

  it("deduplicates a private part's row against the private copy already stored, writing no object", async () => {
    const bytes = randomBytes(1500);
    const hash = await storePrivate(bytes);
    const { rows } = await seedLegacyPart([{ bytes }], { private: true });
    const { bucket, calls } = recordingBucket();

    const result = await batch({ BUCKET: bucket });

    expect(result).toMatchObject({ stoppedBy: "done", migrated: [rows[0]!.id], failed: [] });
    expect(calls.filter((c) => c.startsWith("put"))).toEqual([]);
    expect(await rowHash(rows[0]!.id)).toBe(hash);
    expect(await rowVisibility(rows[0]!.id)).toBe("private");
    expect(await copies(hash)).toEqual([null, 1500]);
  });
});

describe("a private part's legacy link", () => {
  it("migrates the row on demand into the private space and redirects to a signed link that serves the bytes", async () => {
    const bytes = pdfBytes(2500);
    const { key, rows } = await seedLegacyPart([{ bytes, type: "application/pdf" }], { private: true });
    const hash = await sha256(bytes);
    const [a] = await linksOf(key);
    expect(a!.download_url).toMatch(/^\/api\/legacy\//);

    const res = await follow(a!.download_url!);

    expect(res.status).toBe(307);
    const location = res.headers.get("Location");
    await expectSignedLink(location, hash, pdfDownload);
    expect(await served(location!)).toEqual(bytes);
    expect(await rowHash(rows[0]!.id)).toBe(hash);
    expect(await rowVisibility(rows[0]!.id)).toBe("private");
    expect(await copies(hash)).toEqual([null, 2500]);

    // The same links once the row is migrated: still signed, each with its own view.
    const again = await follow(a!.download_url!);
    expect(again.status).toBe(307);
    await expectSignedLink(again.headers.get("Location"), hash, pdfDownload);
    const view = await follow(a!.view_url!);
    expect(view.status).toBe(307);
    await expectSignedLink(view.headers.get("Location"), hash, pdfView);
    expect(await served(view.headers.get("Location")!)).toEqual(bytes);
  });

  it("redirects a legacy image's thumbnail link to a signed thumbnail", async () => {
    const bytes = fixture("baseline.jpg");
    const { key, rows } = await seedLegacyPart([{ bytes, type: "image/jpeg" }], { private: true });
    const hash = await sha256(bytes);
    const [a] = await linksOf(key);

    const res = await follow(a!.thumbnail_url!);

    expect(res.status).toBe(307);
    const location = res.headers.get("Location");
    await expectSignedLink(location, hash, { thumbnail: 150 });
    const thumb = await SELF.fetch(`${ORIGIN}${location}`);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get("Content-Type")).toMatch(/^image\//);
    await thumb.arrayBuffer();
    expect(await rowVisibility(rows[0]!.id)).toBe("private");
    expect((await copies(hash))[0]).toBeNull();
  });

  it("follows the part's flag after migration: signed while the part or the row's copy is private", async () => {
    const plain = await seedLegacyPart([{ bytes: pdfBytes(1200), type: "application/pdf" }]);
    const secret = await seedLegacyPart([{ bytes: pdfBytes(1300), type: "application/pdf" }], { private: true });
    const [plainLink] = await linksOf(plain.key);
    const [secretLink] = await linksOf(secret.key);
    const plainHash = await sha256(plain.rows[0]!.bytes!);
    const secretHash = await sha256(secret.rows[0]!.bytes!);
    expect((await follow(plainLink!.download_url!)).status).toBe(307);
    expect((await follow(secretLink!.download_url!)).status).toBe(307);

    // A public part turned private: signed at once, served from the public copy until the bytes move.
    expect((await api(`/parts/${plain.key}`, { method: "PATCH", json: { private: true } })).status).toBe(200);
    const turnedPrivate = (await follow(plainLink!.download_url!)).headers.get("Location");
    await expectSignedLink(turnedPrivate, plainHash, pdfDownload);
    expect(await served(turnedPrivate!)).toEqual(plain.rows[0]!.bytes);

    // A private part turned public: its row still reads the private copy, which only a signed link reaches.
    expect((await api(`/parts/${secret.key}`, { method: "PATCH", json: { private: false } })).status).toBe(200);
    const turnedPublic = (await follow(secretLink!.download_url!)).headers.get("Location");
    await expectSignedLink(turnedPublic, secretHash, pdfDownload);
    expect(await served(turnedPublic!)).toEqual(secret.rows[0]!.bytes);
  });
});

describe("a public part's legacy link", () => {
  it("migrates into the public space and redirects to the public CAS URL, as before", async () => {
    const bytes = pdfBytes(1800);
    const { key, rows } = await seedLegacyPart([{ bytes, type: "application/pdf" }]);
    const hash = await sha256(bytes);
    const [a] = await linksOf(key);

    const download = await follow(a!.download_url!);
    const view = await follow(a!.view_url!);

    expect(download.status).toBe(307);
    expect(download.headers.get("Location")).toBe(`/api/cas/${hash}?content_type=application%2Fpdf&disposition=attachment&filename=old.bin`);
    expect(view.status).toBe(307);
    expect(view.headers.get("Location")).toBe(`/api/cas/${hash}?content_type=application%2Fpdf&disposition=inline&filename=old.bin`);
    expect(await served(download.headers.get("Location")!)).toEqual(bytes);
    expect(await rowVisibility(rows[0]!.id)).toBe("public");
    expect(await copies(hash)).toEqual([1800, null]);
  });
});
