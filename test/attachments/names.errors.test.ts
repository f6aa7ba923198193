import { describe, expect, it } from "vitest";
import { type AttachmentJson, api, createPart, pngBytes, upload } from "../support/api";
import { casGet } from "../support/blobs";

const EVIL = "evil\r\nSet-Cookie: a=b\u0000.png";

async function problem(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get("Content-Type")).toBe("application/problem+json");
  return (await res.json()) as { detail: string };
}

/** The filename as a browser would see it when downloading the attachment. */
async function dispositionOf(a: AttachmentJson): Promise<string> {
  const url = new URL(a.download_url!, "https://x");
  const res = await casGet(url.pathname.split("/").pop()!, url.search);
  await res.arrayBuffer();
  return res.headers.get("Content-Disposition") ?? "";
}

describe("filenames and titles are cleaned on every write path", () => {
  it("cleans a filename given to PATCH, as uploads do", async () => {
    const { key } = await createPart();
    const created = (await (await upload(key, pngBytes(), { filename: "a.png" })).json()) as AttachmentJson;

    const res = await api(`/parts/${key}/attachments/${created.id}`, { method: "PATCH", json: { filename: EVIL } });

    expect(res.status).toBe(200);
    const patched = (await res.json()) as AttachmentJson;
    expect(patched.filename).toBe("evilSet-Cookie: a=b.png");
    expect(await dispositionOf(patched)).not.toMatch(/[\r\n]/);
  });

  it("cleans a filename given to an upload", async () => {
    const { key } = await createPart();
    const created = (await (await upload(key, pngBytes(), { filename: EVIL })).json()) as AttachmentJson;
    expect(created.filename).toBe("evilSet-Cookie: a=b.png");
  });

  it("refuses a filename that cleans to nothing", async () => {
    const { key } = await createPart();
    const created = (await (await upload(key, pngBytes(), { filename: "a.png" })).json()) as AttachmentJson;
    const detail = await problem(await api(`/parts/${key}/attachments/${created.id}`, { method: "PATCH", json: { filename: "\r\n..." } }), 400);
    expect(detail.detail).toMatch(/^filename/);
  });

  it("replaces control characters in titles, on PATCH, upload and URL attachments", async () => {
    const { key } = await createPart();
    const uploaded = (await (await upload(key, pngBytes(), { title: "line\r\nbreak" })).json()) as AttachmentJson;
    expect(uploaded.title).toBe("line  break");
    const patched = (await (
      await api(`/parts/${key}/attachments/${uploaded.id}`, { method: "PATCH", json: { title: "tab\there" } })
    ).json()) as AttachmentJson;
    expect(patched.title).toBe("tab here");
    const link = (await (
      await api(`/parts/${key}/attachments`, { method: "POST", json: { url: "https://example.com/d.pdf", title: "x\u0007y" } })
    ).json()) as AttachmentJson;
    expect(link.title).toBe("x y");
  });

  it("caps titles at 255 characters on every path", async () => {
    const { key } = await createPart();
    const long = "t".repeat(256);
    await problem(await upload(key, pngBytes(), { title: long }), 400);
    await problem(await api(`/parts/${key}/attachments`, { method: "POST", json: { url: "https://example.com/", title: long } }), 400);
    const created = (await (await upload(key, pngBytes(), { title: "t".repeat(255) })).json()) as AttachmentJson;
    expect(created.title).toHaveLength(255);
    await problem(await api(`/parts/${key}/attachments/${created.id}`, { method: "PATCH", json: { title: long } }), 400);
    const form = new FormData();
    form.set("title", long);
    form.set("file", new File([pngBytes()], "f.png", { type: "image/png" }));
    await problem(await api(`/parts/${key}/attachments`, { method: "POST", body: form }), 400);
  });

  it("refuses a 10 KB title without storing anything", async () => {
    const { key } = await createPart();
    await problem(await upload(key, pngBytes(), { title: "x".repeat(10_000) }), 400);
    const list = (await (await api(`/parts/${key}/attachments`)).json()) as AttachmentJson[];
    expect(list).toEqual([]);
  });
});
