import { describe, expect, it } from "vitest";
import { api, createPart, pngBytes, upload } from "../support/api";

describe("parts", () => {
  it("creates, reads, updates and deletes a part", async () => {
    const created = await api("/parts", { method: "POST", json: { name: "Op-amp", description: "LM358" } });
    expect(created.status).toBe(201);
    const part = (await created.json()) as { key: string; cover_url: null };
    expect(part).toMatchObject({ name: "Op-amp", description: "LM358", cover_url: null, cover_attachment_id: null });
    expect(part.key).toMatch(/^[a-z0-9]{8}$/);

    expect(await (await api(`/parts/${part.key}`)).json()).toMatchObject({ key: part.key, name: "Op-amp" });
    const patched = await api(`/parts/${part.key}`, { method: "PATCH", json: { name: "Dual op-amp" } });
    expect(await patched.json()).toMatchObject({ name: "Dual op-amp", description: "LM358" });

    expect((await api(`/parts/${part.key}`, { method: "DELETE" })).status).toBe(204);
    expect((await api(`/parts/${part.key}`)).status).toBe(404);
  });

  it("deletes a part's attachment rows with it", async () => {
    const { key } = await createPart();
    await upload(key, pngBytes(), { filename: "a.png" });

    await api(`/parts/${key}`, { method: "DELETE" });

    expect((await api(`/parts/${key}/attachments`)).status).toBe(404);
  });

  it("pages through parts with a cursor", async () => {
    const keys = new Set<string>();
    for (let i = 0; i < 5; i++) keys.add((await createPart(`page part ${i}`)).key);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await api(`/parts?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      const body = (await res.json()) as { parts: Array<{ key: string }>; next_cursor: string | null };
      expect(body.parts.length).toBeLessThanOrEqual(2);
      seen.push(...body.parts.map((p) => p.key));
      cursor = body.next_cursor;
    } while (cursor);

    expect(new Set(seen).size).toBe(seen.length);
    for (const key of keys) expect(seen).toContain(key);
  });
});

describe("cover image", () => {
  it("sets an image as cover and exposes its thumbnail as cover_url", async () => {
    const { key } = await createPart();
    const image = (await (await upload(key, pngBytes(), { filename: "front.png" })).json()) as { id: number; thumbnail_url: string };

    const res = await api(`/parts/${key}/cover`, { method: "PUT", json: { attachment_id: image.id } });

    expect(res.status).toBe(200);
    const part = (await res.json()) as { cover_url: string; cover_attachment_id: number };
    expect(part.cover_attachment_id).toBe(image.id);
    expect(part.cover_url).toBe(image.thumbnail_url);
    expect(part.cover_url).toMatch(/^\/api\/cas\/[0-9a-f]{64}\?thumbnail=150$/);
    const listed = (await (await api("/parts?limit=100")).json()) as { parts: Array<{ key: string; cover_url: string }> };
    expect(listed.parts.find((p) => p.key === key)?.cover_url).toBe(image.thumbnail_url);
  });

  it("clears the cover with null, and when the cover attachment is deleted", async () => {
    const { key } = await createPart();
    const image = (await (await upload(key, pngBytes())).json()) as { id: number };
    await api(`/parts/${key}/cover`, { method: "PUT", json: { attachment_id: image.id } });

    await api(`/parts/${key}/attachments/${image.id}`, { method: "DELETE" });

    expect(await (await api(`/parts/${key}`)).json()).toMatchObject({ cover_attachment_id: null, cover_url: null });
    const cleared = await api(`/parts/${key}/cover`, { method: "PUT", json: { attachment_id: null } });
    expect(await cleared.json()).toMatchObject({ cover_url: null });
  });
});
