import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { blobKey, contentHash } from "../../src/blobs/keys";
import worker from "../../src/index";
import { sweepExpiredUploads } from "../../src/uploads/sweep";
import { bodyBytes, casGet, randomBytes, sha256, storeBytes } from "../support/blobs";
import { complete, createUpload, MiB, PART, partOf, putAllParts, putPart, session, type UploadJson, uploads } from "../support/uploads";

const uploadIds = new Map<string, string>();

/** Notes the session's R2 upload id, which the row loses when the session is deleted. */
async function remember(s: UploadJson): Promise<UploadJson> {
  const row = await env.DB.prepare("SELECT r2_upload_id FROM upload_sessions WHERE id = ?").bind(s.id).first<{ r2_upload_id: string }>();
  uploadIds.set(s.id, row!.r2_upload_id);
  return s;
}

/** Whether R2 still has the session's multipart upload: uploading a part to an aborted one fails. */
async function multipartStillOpen(s: UploadJson): Promise<boolean> {
  try {
    await env.BUCKET.resumeMultipartUpload(blobKey(contentHash.parse(s.sha256)), uploadIds.get(s.id)!).uploadPart(99, new Uint8Array(10));
    return true;
  } catch {
    return false;
  }
}

// Each test moves several MiB through local R2: on a busy machine that exceeds the 5 s default.
describe("resumable uploads", { timeout: 30_000 }, () => {
  it("stores a three-part file under its hash only once complete", async () => {
    const bytes = randomBytes(2 * PART + MiB);
    const hash = await sha256(bytes);
    const res = await uploads("", { method: "POST", json: { sha256: hash, size: bytes.length, part_size: PART, content_type: "video/mp4" } });
    expect(res.status).toBe(201);
    const created: UploadJson = await res.json();
    expect(res.headers.get("Location")).toBe(`/api/uploads/${created.id}`);
    expect(created).toMatchObject({ part_size: PART, part_count: 3, parts_received: 0, next_part: 1, next_part_size: PART, status: "open" });
    expect(Date.parse(created.expires_at)).toBeGreaterThan(Date.now());

    await putAllParts(created, bytes);
    expect((await casGet(hash)).status).toBe(404);
    expect(await session(created.id)).toMatchObject({ parts_received: 3, next_part: null, bytes_received: bytes.length });

    const done = await complete(created.id);
    expect(done.status).toBe(201);
    expect(await done.json()).toMatchObject({ status: "completed", url: `/api/cas/${hash}` });
    const blob = await casGet(hash);
    expect(blob.status).toBe(200);
    expect(blob.headers.get("Content-Type")).toBe("video/mp4");
    expect(await sha256(await bodyBytes(blob))).toBe(hash);

    // Completing again is answered the same way, without a second write.
    const again = await complete(created.id);
    expect(again.status).toBe(200);
    expect(((await again.json()) as UploadJson).url).toBe(`/api/cas/${hash}`);
  });

  it("picks a default part size of at least 5 MiB and a smaller last part", async () => {
    const bytes = randomBytes(100);
    const res = await uploads("", { method: "POST", json: { sha256: await sha256(bytes), size: bytes.length } });
    const created: UploadJson = await res.json();
    expect(created.part_size).toBeGreaterThanOrEqual(PART);
    expect(created).toMatchObject({ part_count: 1, next_part_size: 100 });
    expect((await putPart(created.id, 1, bytes)).status).toBe(200);
    expect((await complete(created.id)).status).toBe(201);
    expect(await bodyBytes(await casGet(await sha256(bytes)))).toEqual(bytes);
  });

  it("answers 200 with the blob's URL at once when the hash is already stored", async () => {
    const bytes = randomBytes(3000);
    const hash = await storeBytes(bytes);
    const res = await uploads("", { method: "POST", json: { sha256: hash, size: bytes.length } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ sha256: hash, size: 3000, url: `/api/cas/${hash}`, status: "completed" });
    const sessions = await env.DB.prepare("SELECT count(*) AS n FROM upload_sessions WHERE sha256 = ?").bind(hash).first<{ n: number }>();
    expect(sessions?.n).toBe(0);
  });

  it("tells a resuming client which part comes next, and acknowledges a retried part without hashing it twice", async () => {
    const bytes = randomBytes(2 * PART + 17);
    const created = await createUpload(bytes);
    expect((await putPart(created.id, 1, partOf(bytes, 1))).status).toBe(200);

    // A new client process knows only the session id.
    const resumed = await session(created.id);
    expect(resumed).toMatchObject({ parts_received: 1, next_part: 2, next_part_size: PART, bytes_received: PART });

    // Part 1 again (its response was lost): acknowledged, state unchanged.
    const retry = await putPart(created.id, 1, partOf(bytes, 1));
    expect(retry.status).toBe(200);
    expect(((await retry.json()) as UploadJson).parts_received).toBe(1);

    expect((await putPart(created.id, 2, partOf(bytes, 2))).status).toBe(200);
    expect((await putPart(created.id, 3, partOf(bytes, 3))).status).toBe(200);
    expect((await complete(created.id)).status).toBe(201);
    expect(await sha256(await bodyBytes(await casGet(created.sha256)))).toBe(created.sha256);
  });

  it("aborts its own upload and answers the existing blob when the hash was stored meanwhile", async () => {
    const bytes = randomBytes(PART + 10);
    const created = await remember(await createUpload(bytes));
    await putAllParts(created, bytes);
    await storeBytes(bytes);
    const res = await complete(created.id);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "completed", url: `/api/cas/${created.sha256}` });
    expect(await multipartStillOpen(created)).toBe(false);
  });

  it("aborting discards the parts in R2 and forgets the session", async () => {
    const bytes = randomBytes(PART + 10);
    const created = await remember(await createUpload(bytes));
    expect((await putPart(created.id, 1, partOf(bytes, 1))).status).toBe(200);
    expect(await multipartStillOpen(created)).toBe(true);
    const res = await uploads(`/${created.id}`, { method: "DELETE" });
    expect(res.status).toBe(204);
    expect((await uploads(`/${created.id}`)).status).toBe(404);
    expect((await uploads(`/${created.id}`, { method: "DELETE" })).status).toBe(404);
    expect(await multipartStillOpen(created)).toBe(false);
    expect(await env.BUCKET.head(blobKey(contentHash.parse(created.sha256)))).toBeNull();
  });

  it("sweeps expired sessions: aborts their R2 upload and deletes the row", async () => {
    const bytes = randomBytes(PART + 10);
    const created = await remember(await createUpload(bytes));
    expect((await putPart(created.id, 1, partOf(bytes, 1))).status).toBe(200);

    expect((await sweepExpiredUploads(env)).removed).toBe(0);
    const later = Date.parse((await session(created.id)).expires_at) + 1;
    const swept = await sweepExpiredUploads(env, later);
    expect(swept.removed).toBeGreaterThanOrEqual(1);
    expect((await uploads(`/${created.id}`)).status).toBe(404);
    expect(await multipartStillOpen(created)).toBe(false);
  });

  it("sweeps from the cron trigger", async () => {
    const bytes = randomBytes(100);
    const created = await remember(await createUpload(bytes));
    await env.DB.prepare("UPDATE upload_sessions SET expires_at = '2000-01-01T00:00:00.000Z' WHERE id = ?").bind(created.id).run();
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: "* * * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
    expect((await uploads(`/${created.id}`)).status).toBe(404);
    expect(await multipartStillOpen(created)).toBe(false);
  });
});
