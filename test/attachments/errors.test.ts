import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { api, createPart, pdfBytes, pngBytes, upload } from "../support/api";
import { ORIGIN } from "../support/blobs";
import { fetchWith } from "../support/worker";

async function problem(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get("Content-Type")).toBe("application/problem+json");
  return (await res.json()) as { detail: string; title: string };
}

describe("authentication", () => {
  it.each([
    ["GET", "/parts"],
    ["POST", "/parts"],
    ["GET", "/parts/abc"],
    ["POST", "/parts/abc/attachments"],
    ["PUT", "/parts/abc/cover"],
    ["GET", "/parts/abc/cover"],
  ])("%s %s is 401 without a token and 403 with one lacking parts scopes", async (method, path) => {
    await problem(await SELF.fetch(`${ORIGIN}/api${path}`, { method }), 401);
    await problem(await api(path, { method, headers: { Authorization: "Bearer test-cas-write-token" } }), 403);
  });
});

describe("validation names the field", () => {
  it.each([
    [{}, "name"],
    [{ name: "" }, "name"],
    [{ name: "x", extra: 1 }, "extra"],
    [{ name: 5 }, "name"],
  ])("POST /parts %j is 400 naming %s", async (body, field) => {
    expect((await problem(await api("/parts", { method: "POST", json: body }), 400)).detail).toContain(field);
  });

  it("rejects a body that is not JSON", async () => {
    await problem(await api("/parts", { method: "POST", body: "{", headers: { "Content-Type": "application/json" } }), 400);
  });

  it.each(["limit=0", "limit=101", "limit=abc", "cursor=-1", "cursor=x"])("GET /parts?%s is 400", async (query) => {
    await problem(await api(`/parts?${query}`), 400);
  });

  it("rejects a URL attachment that is not http(s)", async () => {
    const { key } = await createPart();
    const body = await problem(await api(`/parts/${key}/attachments`, { method: "POST", json: { url: "javascript:alert(1)" } }), 400);
    expect(body.detail).toContain("url");
  });

  it("rejects a malformed declared hash", async () => {
    const { key } = await createPart();
    expect((await problem(await upload(key, pngBytes(), { sha256: "abc" }), 400)).detail).toContain("sha256");
  });

  it("rejects an empty upload", async () => {
    const { key } = await createPart();
    await problem(await upload(key, new Uint8Array(0)), 400);
  });
});

describe("not found, conflicts and limits", () => {
  it("answers unknown parts and attachments with 404", async () => {
    const { key } = await createPart();
    await problem(await api("/parts/nosuchpart"), 404);
    await problem(await api("/parts/NOT_A_KEY"), 404);
    await problem(await api(`/parts/${key}/attachments/999999`), 404);
    await problem(await api(`/parts/${key}/attachments/abc`), 404);
    await problem(await upload("nosuchpart", pngBytes()), 404);
  });

  it("refuses a cover that is not an image of this part", async () => {
    const { key } = await createPart();
    const other = await createPart();
    const pdf = (await (await upload(key, pdfBytes())).json()) as { id: number };
    const foreign = (await (await upload(other.key, pngBytes())).json()) as { id: number };

    await problem(await api(`/parts/${key}/cover`, { method: "PUT", json: { attachment_id: pdf.id } }), 409);
    await problem(await api(`/parts/${key}/cover`, { method: "PUT", json: { attachment_id: foreign.id } }), 422);
    await problem(await api(`/parts/${key}/cover`, { method: "PUT", json: { attachment_id: 999999 } }), 422);
  });

  it("refuses an upload over the limit with 413 and stores no row", async () => {
    const { key } = await createPart();
    const bytes = pngBytes(4096);
    const res = await fetchWith(
      new Request(`${ORIGIN}/api/parts/${key}/attachments`, {
        method: "POST",
        body: bytes,
        headers: { Authorization: "Bearer test-api-token", "Content-Length": "4096" },
      }),
      { MAX_UPLOAD_BYTES: "1024" },
    );
    await problem(res, 413);
    expect(await (await api(`/parts/${key}/attachments`)).json()).toEqual([]);
  });

  it("refuses copying to a part that does not exist", async () => {
    const { key } = await createPart();
    const a = (await (await upload(key, pngBytes())).json()) as { id: number };
    await problem(await api(`/parts/${key}/attachments/${a.id}/copy`, { method: "POST", json: { target_part_key: "nosuchpart" } }), 404);
  });
});

describe("removed blob endpoints", () => {
  it.each([
    ["/cover", "cover_url"],
    ["/cover/thumbnail", "cover_url"],
    ["/attachments/1/download", "download_url"],
    ["/attachments/1/thumbnail", "thumbnail_url"],
  ])("GET /parts/:key%s is 410 Gone naming %s", async (suffix, field) => {
    const { key } = await createPart();
    expect((await problem(await api(`/parts/${key}${suffix}`), 410)).detail).toContain(field);
  });
});

describe("no storage key ever leaves the server", () => {
  it("walks every endpoint's response: no R2 key, and a URL wherever a blob exists", async () => {
    const { key } = await createPart();
    const other = await createPart();
    const image = (await (await upload(key, pngBytes(), { filename: "p.png" })).json()) as { id: number };
    await upload(key, pdfBytes(), { filename: "d.pdf" });
    await api(`/parts/${key}/attachments`, { method: "POST", json: { url: "https://example.com" } });

    const responses = [
      await api(`/parts/${key}/cover`, { method: "PUT", json: { attachment_id: image.id } }),
      await api("/parts?limit=100"),
      await api(`/parts/${key}`),
      await api(`/parts/${key}`, { method: "PATCH", json: { description: "d" } }),
      await api(`/parts/${key}/attachments`),
      await api(`/parts/${key}/attachments/${image.id}`),
      await api(`/parts/${key}/attachments/${image.id}`, { method: "PATCH", json: { title: "t" } }),
      await api(`/parts/${key}/attachments/${image.id}/copy`, { method: "POST", json: { target_part_key: other.key } }),
      await upload(key, pngBytes()),
    ];

    for (const res of responses) {
      expect(res.status).toBeLessThan(300);
      const text = await res.text();
      expect(text).not.toMatch(/cas\/[0-9a-f]{64}(?!\?|")|"(cas|parts|thumbnails|uploads)\/|s3_key|legacy_key|sha256/);
      const values = [JSON.parse(text)].flat(3).flatMap((v: Record<string, unknown>) => ("parts" in v ? (v.parts as object[]) : [v]));
      for (const v of values as Array<Record<string, unknown>>) {
        if (v.attachment_type && v.attachment_type !== "url") expect(v.download_url).toMatch(/^\/api\/cas\/[0-9a-f]{64}\?/);
        if (v.attachment_type === "image") expect(v.thumbnail_url).toMatch(/thumbnail=150$/);
        if (v.cover_attachment_id) expect(v.cover_url).toMatch(/^\/api\/cas\/[0-9a-f]{64}\?thumbnail=150$/);
      }
    }
  });
});
