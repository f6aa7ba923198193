import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { type AttachmentJson, api, pdfBytes } from "../support/api";
import { ORIGIN, sha256 } from "../support/blobs";
import { fixture } from "../support/fixtures";
import { resetMigrationState, rowHash, seedLegacyPart } from "../support/legacy";
import { fetchWith, recordingBucket, recordingDb, writesIn } from "../support/worker";

beforeEach(resetMigrationState);

/** Follows a link with the store in `mode`, through bindings that record every R2 call and SQL statement. */
async function follow(link: string, mode: "ro" | "edit", method = "GET") {
  const { bucket, calls } = recordingBucket();
  const { db, statements } = recordingDb();
  const res = await fetchWith(new Request(`${ORIGIN}${link}`, { method, redirect: "manual" }), { STORAGE_MODE: mode, BUCKET: bucket, DB: db });
  return { res, writes: writesIn(calls, statements), r2: calls };
}

async function linksOf(key: string): Promise<AttachmentJson[]> {
  return (await api(`/parts/${key}/attachments`)).json();
}

describe("a legacy link while the store is read-only", () => {
  it("serves the pending row's bytes from its legacy object, uncached, writing nothing to R2 or D1", async () => {
    const bytes = pdfBytes(3000);
    const { key, rows } = await seedLegacyPart([{ bytes, type: "application/pdf" }]);
    const [a] = await linksOf(key);

    const download = await follow(a!.download_url!, "ro");
    expect(download.res.status).toBe(200);
    expect(new Uint8Array(await download.res.arrayBuffer())).toEqual(bytes);
    expect(download.res.headers.get("Content-Type")).toBe("application/pdf");
    expect(download.res.headers.get("Content-Disposition")).toBe('attachment; filename="old.bin"');
    expect(download.res.headers.get("Content-Length")).toBe(String(bytes.length));
    expect(download.res.headers.get("Cache-Control")).toBe("no-store");
    expect(download.res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(download.r2).toEqual([`get ${rows[0]!.legacyKey}`]);
    expect(download.writes).toEqual([]);

    const view = await follow(a!.view_url!, "ro");
    expect(view.res.status).toBe(200);
    expect(view.res.headers.get("Content-Disposition")).toBe('inline; filename="old.bin"');
    expect(new Uint8Array(await view.res.arrayBuffer())).toEqual(bytes);
    expect(view.writes).toEqual([]);

    const hash = await sha256(bytes);
    expect(await rowHash(rows[0]!.id)).toBeNull();
    expect(await env.BUCKET.head(`cas/${hash}`)).toBeNull();
  });

  it("answers a thumbnail link with 503 and Retry-After, since a thumbnail cannot be made without storing it", async () => {
    const { key, rows } = await seedLegacyPart([{ bytes: fixture("baseline.jpg"), type: "image/jpeg" }]);
    const [a] = await linksOf(key);
    const { res, writes } = await follow(a!.thumbnail_url!, "ro");
    expect(res.status).toBe(503);
    expect(res.headers.get("Content-Type")).toBe("application/problem+json");
    expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(((await res.json()) as { detail: string }).detail).toContain('"ro"');
    expect(writes).toEqual([]);
    expect(await rowHash(rows[0]!.id)).toBeNull();
  });

  it("answers 404 when the legacy object is missing, and redirects a row migrated meanwhile, still writing nothing", async () => {
    const { key, rows } = await seedLegacyPart([{ bytes: null }, {}]);
    const [missing, present] = await linksOf(key);
    const gone = await follow(missing!.download_url!, "ro");
    expect(gone.res.status).toBe(404);
    expect(gone.writes).toEqual([]);

    // Back in edit the same link migrates the row; in ro again it is a plain redirect to CAS.
    const migrated = await follow(present!.download_url!, "edit");
    expect(migrated.res.status).toBe(307);
    expect(migrated.writes.length, "the recording bindings see writes").toBeGreaterThan(0);
    expect(await rowHash(rows[1]!.id)).toBe(await sha256(rows[1]!.bytes!));
    const again = await follow(present!.download_url!, "ro");
    expect(again.res.status).toBe(307);
    expect(again.res.headers.get("Location")).toBe(migrated.res.headers.get("Location"));
    expect(again.writes).toEqual([]);
  });
});
