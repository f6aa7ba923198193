import { describe, expect, it } from "vitest";
import { type AttachmentJson, api, createPart, jpegBytes, pdfBytes, pngBytes, upload } from "../support/api";

type WithAttributes = AttachmentJson & { attributes: Record<string, unknown>; attributes_schema_version: number };
const json = async (res: Response) => (await res.json()) as WithAttributes;
type Page = { attachments: WithAttributes[]; next_cursor: string | null };

function uploadWith(key: string, bytes: Uint8Array, type: string, attributes: string) {
  return api(`/parts/${key}/attachments`, {
    method: "POST",
    body: bytes,
    headers: { "Content-Type": type, "Content-Length": String(bytes.length), "X-Attributes": attributes },
  });
}

function patch(key: string, id: number, body: unknown, contentType = "application/merge-patch+json") {
  return api(`/parts/${key}/attachments/${id}`, { method: "PATCH", body: JSON.stringify(body), headers: { "Content-Type": contentType } });
}

async function list(query: string): Promise<Page> {
  const res = await api(`/attachments?${query}`);
  expect(res.status).toBe(200);
  return res.json();
}

describe("setting attributes on upload", () => {
  it("stores the X-Attributes object and returns it with its schema version", async () => {
    const { key } = await createPart();
    const res = await uploadWith(key, pngBytes(), "image/png", JSON.stringify({ batch: 7, lot: "A-1", tags: ["x", { y: null }] }));

    expect(res.status).toBe(201);
    const a = await json(res);
    expect(a.attributes).toEqual({ batch: 7, lot: "A-1", tags: ["x", { y: null }] });
    expect(a.attributes_schema_version).toBe(1);
    expect((await json(await api(`/parts/${key}/attachments/${a.id}`))).attributes).toEqual(a.attributes);
  });

  it("decodes a percent-encoded UTF-8 X-Attributes header", async () => {
    const { key } = await createPart();
    const res = await uploadWith(key, pdfBytes(), "application/pdf", encodeURIComponent(JSON.stringify({ supplier: "Müller & Söhne", pct: "50%" })));
    expect((await json(res)).attributes).toEqual({ supplier: "Müller & Söhne", pct: "50%" });
  });

  it("keeps a raw JSON header as sent, even with a % in a value", async () => {
    const { key } = await createPart();
    const res = await uploadWith(key, pdfBytes(), "application/pdf", '{"discount": "10%41"}');
    expect((await json(res)).attributes).toEqual({ discount: "10%41" });
  });

  it("takes a multipart attributes field", async () => {
    const { key } = await createPart();
    const form = new FormData();
    // Fields come before the file part: one after it would arrive after the file was stored.
    form.set("attributes", JSON.stringify({ station: 3 }));
    form.set("file", new File([jpegBytes()], "photo.jpg", { type: "image/jpeg" }));
    const res = await api(`/parts/${key}/attachments`, { method: "POST", body: form });
    expect(res.status).toBe(201);
    expect((await json(res)).attributes).toEqual({ station: 3 });
  });

  it("takes attributes on a URL attachment, and defaults to an empty object", async () => {
    const { key } = await createPart();
    const withAttrs = await api(`/parts/${key}/attachments`, {
      method: "POST",
      json: { url: "https://example.com/ds.pdf", attributes: { kind: "datasheet" } },
    });
    const plain = await upload(key, pngBytes(), { type: "image/png" });
    expect((await json(withAttrs)).attributes).toEqual({ kind: "datasheet" });
    expect((await json(plain)).attributes).toEqual({});
  });

  it("accepts exactly 4096 bytes serialized", async () => {
    const { key } = await createPart();
    const attributes = { note: "é".repeat(2000) + "x".repeat(4096 - 11 - 4000) };
    expect(new TextEncoder().encode(JSON.stringify(attributes)).length).toBe(4096);
    const res = await uploadWith(key, pdfBytes(), "application/pdf", encodeURIComponent(JSON.stringify(attributes)));
    expect(res.status).toBe(201);
  });
});

describe("changing attributes with PATCH (RFC 7396 merge patch)", () => {
  it("adds, replaces, merges nested objects and deletes with null", async () => {
    const { key } = await createPart();
    const a = await json(await uploadWith(key, pngBytes(), "image/png", JSON.stringify({ batch: 7, keep: true, dims: { w: 1, h: 2 }, gone: "x" })));

    const res = await patch(key, a.id, { attributes: { batch: 8, gone: null, dims: { h: null, d: 3 }, added: [1, 2] } });

    expect(res.status).toBe(200);
    expect((await json(res)).attributes).toEqual({ batch: 8, keep: true, dims: { w: 1, d: 3 }, added: [1, 2] });
  });

  it("means the same with application/json, and changes the title in the same call", async () => {
    const { key } = await createPart();
    const a = await json(await upload(key, pngBytes(), { type: "image/png" }));
    const res = await patch(key, a.id, { title: "Front", attributes: { side: "front" } }, "application/json");
    expect(await json(res)).toMatchObject({ title: "Front", attributes: { side: "front" } });
  });

  it("clears every attribute with attributes: null, and leaves them alone when not named", async () => {
    const { key } = await createPart();
    const a = await json(await uploadWith(key, pngBytes(), "image/png", '{"a":1}'));
    expect((await json(await patch(key, a.id, { title: "renamed" }))).attributes).toEqual({ a: 1 });
    expect((await json(await patch(key, a.id, { attributes: null }))).attributes).toEqual({});
  });

  it("lands two concurrent patches of different keys", async () => {
    const { key } = await createPart();
    const a = await json(await upload(key, pngBytes(), { type: "image/png" }));
    await Promise.all(Array.from({ length: 5 }, (_, i) => patch(key, a.id, { attributes: { [`k${i}`]: i } })));
    expect((await json(await api(`/parts/${key}/attachments/${a.id}`))).attributes).toEqual({ k0: 0, k1: 1, k2: 2, k3: 3, k4: 4 });
  });

  it("copies attributes with the attachment", async () => {
    const { key } = await createPart();
    const target = await createPart();
    const a = await json(await uploadWith(key, pngBytes(), "image/png", '{"lot":"L9"}'));
    const copy = await api(`/parts/${key}/attachments/${a.id}/copy`, { method: "POST", json: { target_part_key: target.key } });
    expect((await json(copy)).attributes).toEqual({ lot: "L9" });
  });
});

describe("GET /api/attachments", () => {
  it("filters by part, media range and attribute values compared as JSON", async () => {
    const { key } = await createPart();
    const other = await createPart();
    const tag = `run${crypto.randomUUID().slice(0, 8)}`;
    const seven = await json(await uploadWith(key, pngBytes(), "image/png", JSON.stringify({ tag, batch: 7, name: "abc" })));
    const sevenText = await json(await uploadWith(key, jpegBytes(), "image/jpeg", JSON.stringify({ tag, batch: "7", name: "abd" })));
    const pdf = await json(await uploadWith(key, pdfBytes(), "application/pdf", JSON.stringify({ tag, batch: 7, ok: true })));
    const elsewhere = await json(await uploadWith(other.key, pngBytes(), "image/png", JSON.stringify({ tag, batch: 7 })));

    const ids = async (query: string) => (await list(`attr.tag=${tag}&${query}`)).attachments.map((a) => a.id);

    expect(await ids("")).toEqual([seven.id, sevenText.id, pdf.id, elsewhere.id]);
    expect(await ids("attr.batch=7")).toEqual([seven.id, pdf.id, elsewhere.id]);
    expect(await ids(`attr.batch=${encodeURIComponent('"7"')}`)).toEqual([sevenText.id]);
    expect(await ids("attr.name=abc")).toEqual([seven.id]);
    expect(await ids("attr.ok=true")).toEqual([pdf.id]);
    expect(await ids("type=image/*")).toEqual([seven.id, sevenText.id, elsewhere.id]);
    expect(await ids("type=image/png")).toEqual([seven.id, elsewhere.id]);
    expect(await ids(`part=${key}&type=image/*`)).toEqual([seven.id, sevenText.id]);
    expect(await ids(`part=${key}&attr.batch=7&type=application/pdf`)).toEqual([pdf.id]);
    expect(await ids("attr.missing=1")).toEqual([]);
  });

  it("matches a media type stored with parameters, and a nested object value", async () => {
    const { key } = await createPart();
    const tag = `run${crypto.randomUUID().slice(0, 8)}`;
    const text = new TextEncoder().encode("hello");
    const res = await api(`/parts/${key}/attachments`, {
      method: "POST",
      body: text,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Content-Length": "5", "X-Attributes": JSON.stringify({ tag, dims: { w: 1, h: 2 } }) },
    });
    const a = await json(res);
    expect(a.content_type).toBe("text/plain; charset=utf-8");
    const query = `attr.tag=${tag}&type=text/plain&attr.dims=${encodeURIComponent('{"w":1,"h":2}')}`;
    expect((await list(query)).attachments.map((x) => x.id)).toEqual([a.id]);
  });

  it("pages with a cursor until next_cursor is null", async () => {
    const { key } = await createPart();
    const made: number[] = [];
    for (let i = 0; i < 5; i++) made.push((await json(await upload(key, pngBytes(), { type: "image/png" }))).id);

    const seen: number[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const page: Page = await list(`part=${key}&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.attachments.length).toBeLessThanOrEqual(2);
      seen.push(...page.attachments.map((a) => a.id));
      cursor = page.next_cursor;
    }
    expect(seen).toEqual(made);
  });
});
