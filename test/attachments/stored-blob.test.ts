import { describe, expect, it } from "vitest";
import { type AttachmentJson, api, createPart, jpegBytes, pdfBytes, upload } from "../support/api";
import { sha256, storeBytes } from "../support/blobs";
import { fetchWith, recordingBucket } from "../support/worker";

const attach = (key: string, json: unknown) => api(`/parts/${key}/attachments`, { method: "POST", json });

describe("attaching a stored blob by its hash", () => {
  it("adds a row for a blob the store has, without a body, and writes nothing to R2", async () => {
    const bytes = pdfBytes(3000);
    const hash = await storeBytes(bytes);
    const { key } = await createPart();
    const { bucket, calls } = recordingBucket();

    const res = await fetchWith(
      new Request(`https://cas.test/api/parts/${key}/attachments`, {
        method: "POST",
        headers: { Authorization: "Bearer test-api-token", "Content-Type": "application/json" },
        body: JSON.stringify({ sha256: hash, filename: "datasheet.pdf" }),
      }),
      { BUCKET: bucket },
    );

    expect(res.status).toBe(201);
    const row = (await res.json()) as AttachmentJson;
    expect(row).toMatchObject({
      attachment_type: "pdf",
      filename: "datasheet.pdf",
      title: "datasheet.pdf",
      size: 3000,
      content_type: "application/pdf",
    });
    expect(row.download_url).toContain(hash);
    expect(calls.filter((call) => call.startsWith("put"))).toEqual([]);
  });

  it("takes the type from the bytes, not from the claim, as an upload does", async () => {
    const hash = await storeBytes(jpegBytes(500));
    const { key } = await createPart();

    const row = (await (
      await attach(key, { sha256: hash, filename: "photo.png", content_type: "image/png", title: "Front" })
    ).json()) as AttachmentJson;

    expect(row).toMatchObject({ attachment_type: "image", content_type: "image/jpeg", title: "Front" });
    expect(row.thumbnail_url).toBe(`/api/cas/${hash}?thumbnail=150`);
    expect(row.thumbnail_srcset).toBe(`/api/cas/${hash}?thumbnail=150 1x, /api/cas/${hash}?thumbnail=512 2x`);
  });

  it("answers 422 naming the fix when the store does not have the blob, and adds no row", async () => {
    const { key } = await createPart();
    const missing = await sha256(pdfBytes(100));

    const res = await attach(key, { sha256: missing, filename: "x.pdf" });

    expect(res.status).toBe(422);
    expect(res.headers.get("Content-Type")).toBe("application/problem+json");
    expect(((await res.json()) as { detail: string }).detail).toMatch(/no blob .* is stored; upload the file's bytes/);
    expect(await (await api(`/parts/${key}/attachments`)).json()).toEqual([]);
  });

  it.each([
    [{ sha256: "ABC", filename: "x" }, "sha256"],
    [{ sha256: "a".repeat(64) }, "filename"],
    [{ sha256: "a".repeat(64), filename: "x", extra: 1 }, "extra"],
    [{ sha256: "a".repeat(64), filename: "x", content_type: "not a type" }, "content_type"],
  ])("refuses %j with 400 naming %s", async (json, field) => {
    const { key } = await createPart();
    const res = await attach(key, json);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { detail: string }).detail).toContain(field);
  });

  it("still refuses a raw upload with an empty body, declared hash or not", async () => {
    const { key } = await createPart();
    const hash = await storeBytes(pdfBytes(100));
    const res = await upload(key, new Uint8Array(0), { sha256: hash, filename: "x.pdf" });
    expect(res.status).toBe(400);
  });
});
