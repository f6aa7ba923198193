import { env, SELF } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { cleanupLegacy, collectOrphans } from "../../src/migration/cleanup";
import { migrationLock } from "../../src/migration/lock";
import { api, type AttachmentJson } from "../support/api";
import { ORIGIN, randomBytes, sha256, storeBytes } from "../support/blobs";
import { fixture } from "../support/fixtures";
import { resetMigrationState, rowHash, seedLegacyPart } from "../support/legacy";

const admin = (path: string, method = "GET", token = "test-admin-token") =>
  SELF.fetch(`${ORIGIN}/api/admin${path}`, { method, headers: { Authorization: `Bearer ${token}` } });

async function releaseAll() {
  const lease = await migrationLock(env).status();
  if (lease) await migrationLock(env).release(lease.owner, lease.token);
}

beforeEach(async () => {
  await releaseAll();
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

describe("cleanup of legacy objects", () => {
  it("deletes nothing unless CAS_MIGRATION_DELETE_OLD_OBJECTS is true", async () => {
    const { rows } = await seedLegacyPart([{}]);
    await admin("/migration/run", "POST");

    const result = await cleanupLegacy({ ...env, CAS_MIGRATION_DELETE_OLD_OBJECTS: "false" }, false);

    expect(result).toMatchObject({ dry_run: true, blocked_by: expect.stringContaining("CAS_MIGRATION_DELETE_OLD_OBJECTS"), deleted: [rows[0]!.id] });
    expect(await env.BUCKET.head(rows[0]!.legacyKey)).not.toBeNull();
  });

  it("deletes nothing while any row is pending or failed", async () => {
    const { rows } = await seedLegacyPart([{}, { bytes: null }]);
    await admin("/migration/run", "POST");

    const result = await cleanupLegacy({ ...env, CAS_MIGRATION_DELETE_OLD_OBJECTS: "true" }, false);

    expect(result.blocked_by).toBe("0 rows pending and 1 failed");
    expect(await env.BUCKET.head(rows[0]!.legacyKey)).not.toBeNull();
  });

  it("deletes only migrated legacy objects whose CAS copy matches, and never a cas/ object", async () => {
    const shared = randomBytes(700);
    const { rows } = await seedLegacyPart([{ bytes: shared }, { bytes: shared }, {}]);
    await admin("/migration/run", "POST");
    await env.BUCKET.put("parts/1/attachments/unknown.bin", "no row names me");
    const casBefore = (await env.BUCKET.list({ prefix: "cas/" })).objects.map((o) => o.key).sort();

    const dry = await cleanupLegacy({ ...env, CAS_MIGRATION_DELETE_OLD_OBJECTS: "true" }, true);
    expect(await env.BUCKET.head(rows[0]!.legacyKey)).not.toBeNull();
    const result = await cleanupLegacy({ ...env, CAS_MIGRATION_DELETE_OLD_OBJECTS: "true" }, false);

    expect(dry.deleted.sort()).toEqual(result.deleted.sort());
    expect(result).toMatchObject({ dry_run: false, blocked_by: null, kept_unreferenced: 1 });
    expect(result.deleted.sort()).toEqual(rows.map((r) => r.id).sort());
    for (const row of rows) expect(await env.BUCKET.head(row.legacyKey)).toBeNull();
    expect(await env.BUCKET.head("parts/1/attachments/unknown.bin")).not.toBeNull();
    expect((await env.BUCKET.list({ prefix: "cas/" })).objects.map((o) => o.key).sort()).toEqual(casBefore);
  });
});

describe("orphan blob GC", () => {
  it("keeps referenced and young blobs and collects old orphans with their thumbnails", async () => {
    const { rows } = await seedLegacyPart([{}]);
    await admin("/migration/run", "POST");
    const referenced = await rowHash(rows[0]!.id);
    const orphan = await storeBytes(fixture("small.png"));
    await SELF.fetch(`${ORIGIN}/api/cas/${orphan}?thumbnail=20`);
    expect(await env.BUCKET.head(`thumbnails/${orphan}_20.jpg`)).not.toBeNull();

    const young = await collectOrphans(env, false, 24);
    expect(young.collected).toEqual([]);
    expect(young.kept_young).toBeGreaterThanOrEqual(1);

    // Seen from two days on, the orphan is past the 24 h grace period.
    const later = await collectOrphans(env, false, 24, Date.now() + 48 * 3_600_000);
    expect(later.collected).toContain(orphan);
    expect(later.collected).not.toContain(referenced);
    expect(await env.BUCKET.head(`cas/${orphan}`)).toBeNull();
    expect(await env.BUCKET.head(`thumbnails/${orphan}_20.jpg`)).toBeNull();
    expect(await env.BUCKET.head(`cas/${referenced}`)).not.toBeNull();
  });

  it("lists without deleting on a dry run", async () => {
    const orphan = await storeBytes(randomBytes(64));
    const result = await collectOrphans(env, true, 24, Date.now() + 48 * 3_600_000);
    expect(result.collected).toContain(orphan);
    expect(await env.BUCKET.head(`cas/${orphan}`)).not.toBeNull();
  });
});
