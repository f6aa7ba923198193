import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { attachmentTypeFor } from "../../src/attachments/sniff";
import { STAGING_PREFIX } from "../../src/blobs/keys";
import { sniffMediaType } from "../../src/cas/sniff";
import { type AttachmentJson, api, createPart, jpegBytes, pdfBytes, pngBytes, upload } from "../support/api";
import { casGet, ORIGIN, randomBytes, sha256 } from "../support/blobs";
import { fixture } from "../support/fixtures";
import { fetchWith, recordingBucket } from "../support/worker";

const json = async (res: Response) => (await res.json()) as AttachmentJson;
const hashOf = (url: string | null) => /\/api\/cas\/([0-9a-f]{64})/.exec(url ?? "")?.[1];

describe("uploading a file", () => {
  it("stores the bytes at their hash and answers with ready-made CAS URLs", async () => {
    const { key } = await createPart();
    const bytes = pngBytes(500);
    const hash = await sha256(bytes);

    const res = await upload(key, bytes, { type: "image/png", filename: "front view.png" });

    expect(res.status).toBe(201);
    const a = await json(res);
    expect(a).toMatchObject({ attachment_type: "image", content_type: "image/png", size: 500, title: "front view.png", filename: "front view.png" });
    expect(a.download_url).toBe(`/api/cas/${hash}?content_type=image%2Fpng&disposition=attachment&filename=front+view.png`);
    expect(a.view_url).toBe(`/api/cas/${hash}?content_type=image%2Fpng&disposition=inline&filename=front+view.png`);
    expect(a.thumbnail_url).toBe(`/api/cas/${hash}?thumbnail=150`);
    const served = await casGet(hash, a.download_url!.slice(a.download_url!.indexOf("?")));
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(bytes);
    expect(served.headers.get("Content-Disposition")).toBe('attachment; filename="front view.png"');
  });

  it("gives a PDF download and view URLs but no thumbnail", async () => {
    const { key } = await createPart();
    const a = await json(await upload(key, pdfBytes(), { type: "application/pdf", filename: "datasheet.pdf" }));
    expect(a.attachment_type).toBe("pdf");
    expect(a.download_url).toContain("content_type=application%2Fpdf");
    expect(a.view_url).toContain("disposition=inline");
    expect(a.thumbnail_url).toBeNull();
  });

  it("gives other files only a download URL", async () => {
    const { key } = await createPart();
    const a = await json(await upload(key, randomBytes(64), { type: "application/zip", filename: "firmware.zip" }));
    expect(a.attachment_type).toBe("file");
    expect(a.download_url).not.toBeNull();
    expect(a.view_url).toBeNull();
    expect(a.thumbnail_url).toBeNull();
  });

  it("stores the same bytes once: a second upload adds a row and writes no object", async () => {
    const { key } = await createPart();
    const bytes = pngBytes(300);
    const first = await json(await upload(key, bytes, { filename: "a.png" }));
    const { bucket, calls } = recordingBucket();

    const res = await fetchWith(
      new Request(`${ORIGIN}/api/parts/${key}/attachments?filename=b.png`, {
        method: "POST",
        body: bytes,
        headers: { Authorization: "Bearer test-api-token", "Content-Length": String(bytes.length) },
      }),
      { BUCKET: bucket },
    );

    const second = await json(res);
    expect(res.status).toBe(201);
    expect(second.id).not.toBe(first.id);
    expect(hashOf(second.download_url)).toBe(hashOf(first.download_url));
    expect(calls.filter((c) => c.startsWith("put"))).toEqual([]);
  });

  it("with a declared hash, skips a duplicate without reading the body", async () => {
    const { key } = await createPart();
    const bytes = jpegBytes(400);
    const hash = await sha256(bytes);
    await upload(key, bytes, { sha256: hash });
    const { bucket, calls } = recordingBucket();

    const res = await fetchWith(
      new Request(`${ORIGIN}/api/parts/${key}/attachments`, {
        method: "POST",
        body: bytes,
        headers: { Authorization: "Bearer test-api-token", "Content-Length": "400", "X-Content-SHA256": hash },
      }),
      { BUCKET: bucket },
    );

    expect(res.status).toBe(201);
    expect((await json(res)).content_type).toBe("image/jpeg");
    expect(calls.filter((c) => c.startsWith("put"))).toEqual([]);
  });

  it("with a declared hash, streams a new body into R2 and verifies it", async () => {
    const { key } = await createPart();
    const bytes = pdfBytes(100_000);
    const hash = await sha256(bytes);

    const a = await json(await upload(key, bytes, { sha256: hash, filename: "big.pdf" }));

    expect(hashOf(a.download_url)).toBe(hash);
    expect(a.content_type).toBe("application/pdf");
    expect((await env.BUCKET.head(`cas/${hash}`))?.size).toBe(100_000);
  });

  it("refuses a wrong declared hash: no blob and no row", async () => {
    const { key } = await createPart();
    const bytes = pngBytes();
    const wrong = await sha256(randomBytes(10));

    const res = await upload(key, bytes, { sha256: wrong });

    expect(res.status).toBe(400);
    expect(await env.BUCKET.head(`cas/${wrong}`)).toBeNull();
    expect(await env.BUCKET.head(`cas/${await sha256(bytes)}`)).toBeNull();
    expect(await (await api(`/parts/${key}/attachments`)).json()).toEqual([]);
  });

  it("hashes a large body without a declared hash by staging it, and leaves no staging object", async () => {
    const { key } = await createPart();
    const bytes = randomBytes(9 * 1024 * 1024);
    const hash = await sha256(bytes);

    const a = await json(await upload(key, bytes, { type: "application/octet-stream", filename: "dump.bin" }));

    expect(hashOf(a.download_url)).toBe(hash);
    expect((await env.BUCKET.head(`cas/${hash}`))?.size).toBe(bytes.length);
    expect((await env.BUCKET.list({ prefix: STAGING_PREFIX })).objects).toEqual([]);
  });

  it("trusts the bytes over the declared type for images", async () => {
    const { key } = await createPart();
    expect((await json(await upload(key, jpegBytes(), { type: "image/png" }))).content_type).toBe("image/jpeg");
    expect((await json(await upload(key, pngBytes()))).content_type).toBe("image/png");
    const fake = await json(await upload(key, new TextEncoder().encode("<svg onload=alert(1)>"), { type: "image/png" }));
    expect(fake).toMatchObject({ content_type: "application/octet-stream", attachment_type: "file", thumbnail_url: null });
  });

  it("accepts a small multipart form upload", async () => {
    const { key } = await createPart();
    const bytes = pngBytes(256);
    const form = new FormData();
    form.set("title", "Top side");
    form.set("file", new File([bytes], "photo.png", { type: "image/png" }));
    const encoded = new Response(form);
    const type = encoded.headers.get("Content-Type")!;
    const body = new Uint8Array(await encoded.arrayBuffer());

    const res = await api(`/parts/${key}/attachments`, {
      method: "POST",
      body,
      headers: { "Content-Type": type, "Content-Length": String(body.length) },
    });

    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ title: "Top side", filename: "photo.png", size: 256, attachment_type: "image" });
  });

  it("stores two concurrent uploads of the same bytes as one blob and two rows", async () => {
    const { key } = await createPart();
    const bytes = pngBytes(2000);

    const results = await Promise.all([upload(key, bytes, { filename: "1.png" }), upload(key, bytes, { filename: "2.png" })]);

    expect(results.map((r) => r.status)).toEqual([201, 201]);
    const rows = (await (await api(`/parts/${key}/attachments`)).json()) as AttachmentJson[];
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => hashOf(r.download_url))).size).toBe(1);
    const listing = await env.BUCKET.list({ prefix: `cas/${await sha256(bytes)}` });
    expect(listing.objects).toHaveLength(1);
  });

  it("adds URL attachments with null CAS URLs", async () => {
    const { key } = await createPart();

    const res = await api(`/parts/${key}/attachments`, { method: "POST", json: { url: "https://example.com/ds.pdf", title: "Datasheet" } });

    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      attachment_type: "url",
      url: "https://example.com/ds.pdf",
      title: "Datasheet",
      download_url: null,
      view_url: null,
      thumbnail_url: null,
    });
  });
});

describe("managing attachments", () => {
  it("renames, copies without copying bytes, and deletes without deleting the blob", async () => {
    const { key } = await createPart();
    const target = await createPart("Other part");
    const bytes = pngBytes();
    const a = await json(await upload(key, bytes, { filename: "x.png" }));

    const renamed = await json(await api(`/parts/${key}/attachments/${a.id}`, { method: "PATCH", json: { title: "Front" } }));
    expect(renamed.title).toBe("Front");

    const copyRes = await api(`/parts/${key}/attachments/${a.id}/copy`, { method: "POST", json: { target_part_key: target.key } });
    expect(copyRes.status).toBe(201);
    const copy = await json(copyRes);
    expect(copy).toMatchObject({ part_key: target.key, title: "Front", download_url: a.download_url });

    expect((await api(`/parts/${key}/attachments/${a.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await api(`/parts/${key}/attachments/${a.id}`)).status).toBe(404);
    expect(await env.BUCKET.head(`cas/${await sha256(bytes)}`)).not.toBeNull();
    expect((await api(`/parts/${target.key}/attachments/${copy.id}`)).status).toBe(200);
  });

  it("recognises HEIC and AVIF by their ftyp brand", () => {
    expect(sniffMediaType(fixture("fake.heic").subarray(0, 16))).toBe("image/heic");
    expect(sniffMediaType(fixture("image.avif").subarray(0, 16))).toBe("image/avif");
  });

  it("derives attachment types from content types", () => {
    expect(attachmentTypeFor("image/webp")).toBe("image");
    expect(attachmentTypeFor("image/heic")).toBe("image");
    expect(attachmentTypeFor("image/avif")).toBe("image");
    expect(attachmentTypeFor("image/svg+xml")).toBe("file");
    expect(attachmentTypeFor("application/pdf")).toBe("pdf");
  });
});
