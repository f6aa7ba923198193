import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { STAGING_PREFIX } from "../../src/blobs/keys";
import { BUFFER_LIMIT } from "../../src/blobs/store";
import { type AttachmentJson, api, createPart, pngBytes } from "../support/api";
import { randomBytes, sha256 } from "../support/blobs";
import { formBody, formRequest } from "../support/multipart";
import { fetchWith, recordingBucket } from "../support/worker";

const OLD_CAP = 10 * 1024 * 1024;
const hashOf = (a: AttachmentJson) => /\/api\/cas\/([0-9a-f]{64})/.exec(a.download_url ?? "")?.[1];

describe("multipart form uploads", { timeout: 60_000 }, () => {
  it("takes title and sha256 fields before the file, as browsers send a form", async () => {
    const { key } = await createPart();
    const bytes = pngBytes(256);
    const form = new FormData();
    form.set("title", "Top side");
    form.set("sha256", await sha256(bytes));
    form.set("file", new File([bytes], "photo.png", { type: "image/png" }));
    const encoded = new Response(form);
    const body = new Uint8Array(await encoded.arrayBuffer());

    const res = await SELF.fetch(formRequest(key, { body, type: encoded.headers.get("Content-Type")! }));

    expect(res.status).toBe(201);
    const a = (await res.json()) as AttachmentJson;
    expect(a).toMatchObject({ title: "Top side", filename: "photo.png", size: 256, attachment_type: "image", content_type: "image/png" });
    expect(hashOf(a)).toBe(await sha256(bytes));
  });

  it("ignores fields it does not know and tolerates a preamble", async () => {
    const { key } = await createPart();
    const bytes = randomBytes(1000);
    const form = formBody([
      { name: "note", data: "a field this API does not know" },
      { name: "file", filename: "a.bin", data: bytes },
    ]);
    const body = new Uint8Array([...new TextEncoder().encode("a preamble clients may send\r\n"), ...form.body]);

    const res = await SELF.fetch(formRequest(key, { body, type: form.type }));

    expect(res.status).toBe(201);
    expect(hashOf((await res.json()) as AttachmentJson)).toBe(await sha256(bytes));
  });

  // Both sides of BUFFER_LIMIT (in memory vs streamed) and of the old 10 MB cap, with and without a declared hash.
  const sizes = [BUFFER_LIMIT - 1, BUFFER_LIMIT, BUFFER_LIMIT + 1, OLD_CAP - 1, OLD_CAP + 1, 2 * OLD_CAP + 3];
  for (const size of sizes) {
    for (const declared of [false, true]) {
      it(`stores a ${size}-byte file ${declared ? "with" : "without"} a declared hash, leaving no staging object`, async () => {
        const { key } = await createPart();
        const bytes = randomBytes(size);
        const hash = await sha256(bytes);
        const fields = declared ? [{ name: "sha256", data: hash }] : [];
        const form = formBody([
          { name: "title", data: "dump" },
          ...fields,
          { name: "file", filename: "dump.bin", type: "application/octet-stream", data: bytes },
        ]);

        const res = await SELF.fetch(formRequest(key, form));

        expect(res.status, await res.clone().text()).toBe(201);
        const a = (await res.json()) as AttachmentJson;
        expect(a).toMatchObject({ size, title: "dump", filename: "dump.bin" });
        expect(hashOf(a)).toBe(hash);
        const stored = await env.BUCKET.get(`cas/${hash}`);
        expect(stored?.size).toBe(size);
        expect(await sha256(new Uint8Array(await stored!.arrayBuffer()))).toBe(hash);
        expect((await env.BUCKET.list({ prefix: STAGING_PREFIX })).objects).toEqual([]);
      });
    }
  }

  it("deduplicates a large form upload with a declared hash without writing a byte", async () => {
    const { key } = await createPart();
    const bytes = randomBytes(BUFFER_LIMIT + 4096);
    const hash = await sha256(bytes);
    const form = () =>
      formBody([
        { name: "sha256", data: hash },
        { name: "file", filename: "same.bin", data: bytes },
      ]);
    expect((await SELF.fetch(formRequest(key, form()))).status).toBe(201);
    const { bucket, calls } = recordingBucket();

    const res = await fetchWith(formRequest(key, form()), { BUCKET: bucket });

    expect(res.status).toBe(201);
    expect(calls.filter((c) => c.startsWith("put"))).toEqual([]);
    expect(((await (await api(`/parts/${key}/attachments`)).json()) as AttachmentJson[]).length).toBe(2);
  });
});
