import { env, SELF } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { migrationLock } from "../../src/migration/lock";
import { type AttachmentJson, api } from "../support/api";
import { ORIGIN, randomBytes, sha256 } from "../support/blobs";
import { fixture } from "../support/fixtures";
import { releaseMigrationLock, resetMigrationState, rowHash, seedLegacyPart } from "../support/legacy";

const admin = (path: string, method = "GET", token = "test-admin-token") =>
  SELF.fetch(`${ORIGIN}/api/admin${path}`, { method, headers: { Authorization: `Bearer ${token}` } });

beforeEach(async () => {
  await releaseMigrationLock();
  await resetMigrationState();
});

describe("links work before, during and after migration", () => {
  it("gives a legacy row signed links that migrate it on demand and redirect to CAS", async () => {
    const image = fixture("baseline.jpg");
    const { key, rows } = await seedLegacyPart([{ bytes: image, type: "image/jpeg" }, { bytes: randomBytes(300) }]);

    const before = (await (await api(`/parts/${key}/attachments`)).json()) as AttachmentJson[];
    const legacy = before.find((a) => a.id === rows[0]!.id)!;
    expect(legacy.download_url).toMatch(/^\/api\/legacy\/attachments\/\d+\/download\?sig=[0-9a-f]{32}$/);
    expect(legacy.thumbnail_url).toMatch(/\/thumbnail\?sig=/);
    expect(JSON.stringify(before)).not.toContain("parts/");

    const redirect = await SELF.fetch(`${ORIGIN}${legacy.thumbnail_url}`, { redirect: "manual" });
    expect(redirect.status).toBe(307);
    const hash = await sha256(image);
    expect(redirect.headers.get("Location")).toBe(`/api/cas/${hash}?thumbnail=150`);
    expect(await rowHash(rows[0]!.id)).toBe(hash);
    const thumb = await SELF.fetch(`${ORIGIN}${redirect.headers.get("Location")}`);
    expect(thumb.headers.get("Content-Type")).toBe("image/jpeg");

    // During: one row migrated, one not; after: every link is a CAS URL.
    const during = (await (await api(`/parts/${key}/attachments`)).json()) as AttachmentJson[];
    expect(during.find((a) => a.id === rows[0]!.id)!.download_url).toMatch(/^\/api\/cas\//);
    expect(during.find((a) => a.id === rows[1]!.id)!.download_url).toMatch(/^\/api\/legacy\//);
    expect((await admin("/migration/run", "POST")).status).toBe(200);
    const after = (await (await api(`/parts/${key}/attachments`)).json()) as AttachmentJson[];
    for (const a of after) expect(a.download_url).toMatch(/^\/api\/cas\/[0-9a-f]{64}\?/);
  });

  it("refuses a link with a wrong signature or variant", async () => {
    const { rows } = await seedLegacyPart([{}]);
    expect((await SELF.fetch(`${ORIGIN}/api/legacy/attachments/${rows[0]!.id}/download?sig=${"0".repeat(32)}`)).status).toBe(404);
    expect((await SELF.fetch(`${ORIGIN}/api/legacy/attachments/${rows[0]!.id}/download`)).status).toBe(404);
    expect(await rowHash(rows[0]!.id)).toBeNull();
  });

  it("takes link ids as plain decimal only: 0x1, 1e0 and 01 are no ids", async () => {
    const { key, rows } = await seedLegacyPart([{}]);
    const [a] = (await (await api(`/parts/${key}/attachments`)).json()) as AttachmentJson[];
    const id = rows[0]!.id;
    const link = new URL(a!.download_url!, ORIGIN);
    for (const alias of [`0${id}`, `0x${id.toString(16)}`, `${id}e0`, `+${id}`, `${id}.0`]) {
      const res = await SELF.fetch(`${ORIGIN}${link.pathname.replace(`/${id}/`, `/${alias}/`)}${link.search}`);
      expect(res.status, alias).toBe(404);
      await res.arrayBuffer();
    }
    expect(await rowHash(id)).toBeNull();
  });

  it("answers a link whose legacy object is missing with 404", async () => {
    const { key, rows } = await seedLegacyPart([{ bytes: null }]);
    const [a] = (await (await api(`/parts/${key}/attachments`)).json()) as AttachmentJson[];
    expect(a!.id).toBe(rows[0]!.id);
    const res = await SELF.fetch(`${ORIGIN}${a!.download_url}`, { redirect: "manual" });
    expect(res.status).toBe(404);
    expect(res.headers.get("Content-Type")).toBe("application/problem+json");
  });
});

describe("admin endpoints", () => {
  it("need the admin token", async () => {
    expect((await admin("/migration", "GET", "test-api-token")).status).toBe(403);
    expect((await admin("/migration/run", "POST", "wrong")).status).toBe(401);
  });

  it("report counts, failures and the last run", async () => {
    await seedLegacyPart([{}, {}, { bytes: null }]);

    const run = (await (await admin("/migration/run", "POST")).json()) as { migrated: number[]; status: Record<string, unknown> };
    const status = (await (await admin("/migration")).json()) as Record<string, unknown>;

    expect(run.migrated).toHaveLength(2);
    expect(status).toMatchObject({ total_legacy: 3, migrated: 2, pending: 0, failed: 1, done: false, lease: null });
    expect(status.last_run).toMatchObject({ migrated: 2, failed: 1, stopped_by: "done" });
  });

  it("answer 409 while another run holds the lease", async () => {
    await migrationLock(env).acquire("cron-elsewhere", 60_000);
    expect((await admin("/migration/run", "POST")).status).toBe(409);
  });

  it("validate their parameters", async () => {
    expect((await admin("/migration/run?dry_run=maybe", "POST")).status).toBe(400);
    expect((await admin("/gc?grace_hours=0", "POST")).status).toBe(400);
  });
});
