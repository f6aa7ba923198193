import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { STAGING_PREFIX } from "../../src/blobs/keys";
import { BUFFER_LIMIT } from "../../src/blobs/store";
import { api, createPart } from "../support/api";
import { randomBytes, sha256 } from "../support/blobs";
import { type FormPart, formBody, formRequest } from "../support/multipart";

/** The small size is read into memory; the large one streams (the same checks must hold for both). */
const SIZES = { small: 2_000, large: BUFFER_LIMIT + 100_000 };

async function expectRefused(res: Response, key: string, detail: RegExp, hashes: string[] = []) {
  expect(res.status).toBe(400);
  expect(res.headers.get("Content-Type")).toBe("application/problem+json");
  expect(((await res.json()) as { detail: string }).detail).toMatch(detail);
  expect(await (await api(`/parts/${key}/attachments`)).json()).toEqual([]);
  for (const hash of hashes) expect(await env.BUCKET.head(`cas/${hash}`)).toBeNull();
  expect((await env.BUCKET.list({ prefix: STAGING_PREFIX })).objects).toEqual([]);
}

async function send(parts: FormPart[], options: { ending?: string; boundary?: string } = {}) {
  const { key } = await createPart();
  const form = formBody(parts, options);
  return { key, res: await SELF.fetch(formRequest(key, form)) };
}

describe("multipart uploads refuse, storing nothing,", { timeout: 60_000 }, () => {
  for (const [label, size] of Object.entries(SIZES)) {
    for (const declared of [false, true]) {
      const variant = `${label} file, ${declared ? "declared hash" : "no hash"}`;
      const file = async () => {
        const bytes = randomBytes(size);
        const hash = await sha256(bytes);
        const fields: FormPart[] = declared ? [{ name: "sha256", data: hash }] : [];
        return { hash, fields, part: { name: "file", filename: "f.bin", data: bytes } as FormPart };
      };

      it(`a field after the file part (${variant})`, async () => {
        const { hash, fields, part } = await file();
        const { key, res } = await send([...fields, part, { name: "title", data: "late" }]);
        await expectRefused(res, key, /field "title" comes after the file part/, [hash]);
      });

      it(`two file parts (${variant})`, async () => {
        const { hash, fields, part } = await file();
        const { key, res } = await send([...fields, part, { name: "other", filename: "g.bin", data: "second" }]);
        await expectRefused(res, key, /two file parts/, [hash]);
      });

      it(`a boundary never closed (${variant})`, async () => {
        const { hash, fields, part } = await file();
        const { key, res } = await send([...fields, part], { ending: "" });
        await expectRefused(res, key, /ended before its closing boundary/, [hash]);
      });
    }
  }

  it("a body that ends some bytes after its closing boundary, when the file streams", async () => {
    const bytes = randomBytes(SIZES.large);
    const { key, res } = await send([{ name: "file", filename: "f.bin", data: bytes }], { ending: undefined });
    expect(res.status).toBe(201);
    const { key: key2, res: res2 } = await send([{ name: "file", filename: "f.bin", data: randomBytes(SIZES.large) }], {
      boundary: "b0undary",
      ending: "--b0undary--\r\nan epilogue",
    });
    await expectRefused(res2, key2, /must end right after its file/);
    expect(key).not.toBe(key2);
  });

  it("a body cut short of its Content-Length", async () => {
    const { key } = await createPart();
    const form = formBody([{ name: "file", filename: "f.bin", data: randomBytes(SIZES.large) }]);
    const half = form.body.subarray(0, form.body.length / 2);
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(half);
        controller.close();
      },
    });
    const res = await SELF.fetch(formRequest(key, { body: stream, type: form.type }, form.body.length));
    await expectRefused(res, key, /cut short|closing boundary/);
  });

  it("a form without a file part", async () => {
    const { key, res } = await send([{ name: "title", data: "no file" }]);
    await expectRefused(res, key, /part named "file"/);
    const empty = await send([]);
    await expectRefused(empty.res, empty.key, /part named "file"/);
  });

  it("a file sent under another name", async () => {
    const { key, res } = await send([{ name: "upload", filename: "f.bin", data: "bytes" }]);
    await expectRefused(res, key, /part named "file", not "upload"/);
  });

  it("a Content-Type without a boundary, or a body with no boundary line", async () => {
    const { key } = await createPart();
    const body = new TextEncoder().encode("just text");
    await expectRefused(await SELF.fetch(formRequest(key, { body, type: "multipart/form-data" })), key, /boundary/);
    await expectRefused(await SELF.fetch(formRequest(key, { body, type: "multipart/form-data; boundary=xyz" })), key, /no boundary line/);
  });

  it("a field longer than 64 KiB, and an empty file", async () => {
    const { key, res } = await send([
      { name: "title", data: "x".repeat(65 * 1024) },
      { name: "file", filename: "f.bin", data: "1" },
    ]);
    await expectRefused(res, key, /longer than 65536 bytes/);
    const empty = await send([{ name: "file", filename: "f.bin", data: "" }]);
    await expectRefused(empty.res, empty.key, /empty/);
  });

  it("a streamed file whose declared hash is wrong", async () => {
    const bytes = randomBytes(SIZES.large);
    const wrong = await sha256(randomBytes(10));
    const { key, res } = await send([
      { name: "sha256", data: wrong },
      { name: "file", filename: "f.bin", data: bytes },
    ]);
    await expectRefused(res, key, /SHA-256 is not/, [wrong, await sha256(bytes)]);
  });
});
