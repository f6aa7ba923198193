import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { type AttachmentJson, api, createPart, jpegBytes, upload } from "../support/api";
import { rowOfRequest } from "../support/audit";
import { bodyBytes, sha256, storeBytes } from "../support/blobs";
import { formBody } from "../support/multipart";
import { copies, createPrivatePart, expectSignedLink, imageViews, rowVisibility } from "../support/private-parts";

const API = "static:API_TOKEN";

interface PartJson {
  key: string;
  private: boolean;
  cover_url: string | null;
}

const patchPart = (key: string, json: unknown) => api(`/parts/${key}`, { method: "PATCH", json });
const attachByHash = (key: string, json: unknown) => api(`/parts/${key}/attachments`, { method: "POST", json });

async function uploadImage(key: string, bytes = jpegBytes(900), filename = "board.jpg"): Promise<{ row: AttachmentJson; hash: string }> {
  const res = await upload(key, bytes, { type: "image/jpeg", filename });
  expect(res.status).toBe(201);
  return { row: (await res.json()) as AttachmentJson, hash: await sha256(bytes) };
}

/** Every URL of an image attachment is a signed link with the view its public URL would have. */
async function expectSignedImage(row: AttachmentJson, hash: string, filename = "board.jpg"): Promise<void> {
  const views = imageViews("image/jpeg", filename);
  await expectSignedLink(row.download_url, hash, views.download);
  await expectSignedLink(row.view_url, hash, views.view);
  await expectSignedLink(row.thumbnail_url, hash, views.thumbnail);
  const [oneX, twoX, ...rest] = (row.thumbnail_srcset ?? "").split(", ");
  expect(rest).toEqual([]);
  expect(oneX).toBe(`${row.thumbnail_url} 1x`);
  expect(twoX).toMatch(/ 2x$/);
  await expectSignedLink(twoX!.slice(0, -3), hash, views.hidpi);
}

/** An image attachment's URLs as a public part has them, byte for byte. */
function publicImageUrls(hash: string, filename = "board.jpg") {
  return {
    download_url: `/api/cas/${hash}?content_type=image%2Fjpeg&disposition=attachment&filename=${filename}`,
    view_url: `/api/cas/${hash}?content_type=image%2Fjpeg&disposition=inline&filename=${filename}`,
    thumbnail_url: `/api/cas/${hash}?thumbnail=150`,
    thumbnail_srcset: `/api/cas/${hash}?thumbnail=150 1x, /api/cas/${hash}?thumbnail=512 2x`,
  };
}

describe("a part's private flag", () => {
  it("is false unless a part is created private, and every part answer carries it", async () => {
    const plain = await createPart("Ordinary");
    const secret = await createPrivatePart();
    expect(plain).toMatchObject({ private: false });
    expect(secret).toMatchObject({ private: true });

    expect(await (await api(`/parts/${secret.key}`)).json()).toMatchObject({ key: secret.key, private: true });
    const { parts } = (await (await api("/parts?limit=100")).json()) as { parts: PartJson[] };
    expect(parts.find((p) => p.key === secret.key)?.private).toBe(true);
    expect(parts.find((p) => p.key === plain.key)?.private).toBe(false);
  });

  it("flips by PATCH, and the audit trail records each change of it with who, what and the outcome", async () => {
    const { key } = await createPart("Flippable");

    const flip = await patchPart(key, { private: true });
    expect(flip.status).toBe(200);
    expect(await flip.json()).toMatchObject({ key, private: true });
    expect(await rowOfRequest(flip)).toMatchObject({
      sub: API,
      action: "parts.update",
      target: { key },
      status: 200,
      error: null,
      detail: { private: true },
    });

    // Requests that leave the flag as it was are audited as updates with no private change.
    const same = await patchPart(key, { private: true });
    expect(await rowOfRequest(same)).toMatchObject({ action: "parts.update", status: 200, detail: null });
    const rename = await patchPart(key, { name: "Renamed" });
    expect(await rename.json()).toMatchObject({ name: "Renamed", private: true });
    expect(await rowOfRequest(rename)).toMatchObject({ action: "parts.update", detail: null });

    const back = await patchPart(key, { private: false });
    expect(await back.json()).toMatchObject({ private: false });
    expect(await rowOfRequest(back)).toMatchObject({ sub: API, action: "parts.update", target: { key }, status: 200, detail: { private: false } });
    expect(await (await api(`/parts/${key}`)).json()).toMatchObject({ private: false });
  });
});

describe("a private part's files", () => {
  it("are stored at private/cas/<hash> and not at cas/<hash>, raw or multipart", async () => {
    const { key } = await createPrivatePart();
    const raw = jpegBytes(1200);
    const { row } = await uploadImage(key, raw);
    const rawHash = await sha256(raw);
    expect(await copies(rawHash)).toEqual([null, 1200]);
    expect(await rowVisibility(row.id)).toBe("private");
    const stored = await env.BUCKET.get(`private/cas/${rawHash}`);
    expect(await bodyBytes(new Response(stored!.body))).toEqual(raw);

    const file = jpegBytes(700);
    const form = formBody([{ name: "file", filename: "form.jpg", type: "image/jpeg", data: file }]);
    const res = await api(`/parts/${key}/attachments`, {
      method: "POST",
      body: form.body,
      headers: { "Content-Type": form.type, "Content-Length": String(form.body.length) },
    });
    expect(res.status).toBe(201);
    const formRow = (await res.json()) as AttachmentJson;
    expect(await copies(await sha256(file))).toEqual([null, 700]);
    expect(await rowVisibility(formRow.id)).toBe("private");
    await expectSignedImage(formRow, await sha256(file), "form.jpg");
  });

  it("are answered with signed links in every answer that describes them, each accepted and expiring on the window rule", async () => {
    const { key } = await createPrivatePart();
    const { row, hash } = await uploadImage(key);
    await expectSignedImage(row, hash);

    const one = (await (await api(`/parts/${key}/attachments/${row.id}`)).json()) as AttachmentJson;
    await expectSignedImage(one, hash);
    const [listed] = (await (await api(`/parts/${key}/attachments`)).json()) as AttachmentJson[];
    await expectSignedImage(listed!, hash);
    const { attachments } = (await (await api(`/attachments?part=${key}`)).json()) as { attachments: AttachmentJson[] };
    await expectSignedImage(attachments[0]!, hash);
    const renamed = (await (await api(`/parts/${key}/attachments/${row.id}`, { method: "PATCH", json: { title: "Top" } })).json()) as AttachmentJson;
    await expectSignedImage(renamed, hash);

    const cover = (await (await api(`/parts/${key}/cover`, { method: "PUT", json: { attachment_id: row.id } })).json()) as PartJson;
    await expectSignedLink(cover.cover_url, hash, { thumbnail: 150 });
    const part = (await (await api(`/parts/${key}`)).json()) as PartJson;
    await expectSignedLink(part.cover_url, hash, { thumbnail: 150 });
    // Made per request, stable within a window: a reload gets the very same URLs.
    expect(part.cover_url).toBe(cover.cover_url);
  });

  it("attached by hash copy the public blob into the private space, and the row reads that copy", async () => {
    const bytes = jpegBytes(2500);
    const hash = await storeBytes(bytes, "image/jpeg");
    const { key } = await createPrivatePart();

    const res = await attachByHash(key, { sha256: hash, filename: "board.jpg" });
    expect(res.status).toBe(201);
    const row = (await res.json()) as AttachmentJson;
    expect(row).toMatchObject({ attachment_type: "image", content_type: "image/jpeg", size: 2500 });
    expect(await copies(hash)).toEqual([2500, 2500]);
    const copy = await env.BUCKET.get(`private/cas/${hash}`);
    expect(copy!.httpMetadata?.contentType).toBe("image/jpeg");
    expect(await bodyBytes(new Response(copy!.body))).toEqual(bytes);
    expect(await rowVisibility(row.id)).toBe("private");
    await expectSignedImage(row, hash);

    // A second attachment of the same hash finds the private copy there already.
    const again = await attachByHash(key, { sha256: hash, filename: "board.jpg" });
    expect(again.status).toBe(201);
    expect(await copies(hash)).toEqual([2500, 2500]);
  });

  it("copied from a public part get their bytes copied into the private space; the source keeps its public URLs", async () => {
    const source = await createPart("Public source");
    const { row, hash } = await uploadImage(source.key);
    expect(await copies(hash)).toEqual([900, null]);
    const target = await createPrivatePart();

    const res = await api(`/parts/${source.key}/attachments/${row.id}/copy`, { method: "POST", json: { target_part_key: target.key } });
    expect(res.status).toBe(201);
    const copied = (await res.json()) as AttachmentJson;
    expect(copied.part_key).toBe(target.key);
    expect(await copies(hash)).toEqual([900, 900]);
    expect(await rowVisibility(copied.id)).toBe("private");
    await expectSignedImage(copied, hash);

    const original = (await (await api(`/parts/${source.key}/attachments/${row.id}`)).json()) as AttachmentJson;
    expect(original).toMatchObject(publicImageUrls(hash));
    expect(await rowVisibility(row.id)).toBe("public");
  });

  it("copied from a private part to a public one keep reading the private copy, with signed links", async () => {
    const source = await createPrivatePart();
    const { row, hash } = await uploadImage(source.key);
    const target = await createPart("Public target");

    const copied = (await (
      await api(`/parts/${source.key}/attachments/${row.id}/copy`, { method: "POST", json: { target_part_key: target.key } })
    ).json()) as AttachmentJson;
    expect(await rowVisibility(copied.id)).toBe("private");
    expect(await copies(hash)).toEqual([null, 900]);
    await expectSignedImage(copied, hash);
  });
});

describe("flipping a part", () => {
  it("to private moves no byte and switches its answers to signed links at once; back to public restores the public URLs", async () => {
    const { key } = await createPart("Soon secret");
    const { row, hash } = await uploadImage(key);
    await api(`/parts/${key}/cover`, { method: "PUT", json: { attachment_id: row.id } });

    await patchPart(key, { private: true });
    expect(await copies(hash)).toEqual([900, null]);
    expect(await rowVisibility(row.id)).toBe("public");
    const [listed] = (await (await api(`/parts/${key}/attachments`)).json()) as AttachmentJson[];
    await expectSignedImage(listed!, hash);
    const { attachments } = (await (await api(`/attachments?part=${key}`)).json()) as { attachments: AttachmentJson[] };
    await expectSignedImage(attachments[0]!, hash);
    await expectSignedLink(((await (await api(`/parts/${key}`)).json()) as PartJson).cover_url, hash, { thumbnail: 150 });

    await patchPart(key, { private: false });
    const [restored] = (await (await api(`/parts/${key}/attachments`)).json()) as AttachmentJson[];
    expect(restored).toMatchObject(publicImageUrls(hash));
    expect(((await (await api(`/parts/${key}`)).json()) as PartJson).cover_url).toBe(`/api/cas/${hash}?thumbnail=150`);
  });

  it("back to public leaves rows that read the private copy on signed links until the housekeeping pass moves them", async () => {
    const { key } = await createPrivatePart();
    const { row, hash } = await uploadImage(key);
    await api(`/parts/${key}/cover`, { method: "PUT", json: { attachment_id: row.id } });

    const flipped = (await (await patchPart(key, { private: false })).json()) as PartJson;
    expect(flipped.private).toBe(false);
    await expectSignedLink(flipped.cover_url, hash, { thumbnail: 150 });
    const [listed] = (await (await api(`/parts/${key}/attachments`)).json()) as AttachmentJson[];
    await expectSignedImage(listed!, hash);
    const { attachments } = (await (await api(`/attachments?part=${key}`)).json()) as { attachments: AttachmentJson[] };
    await expectSignedImage(attachments[0]!, hash);
  });
});

describe("a public part", () => {
  it("answers exactly as before: public CAS URLs, its files at cas/<hash>", async () => {
    const { key } = await createPart("Plain");
    const { row, hash } = await uploadImage(key);
    expect(row).toMatchObject(publicImageUrls(hash));
    expect(await copies(hash)).toEqual([900, null]);
    expect(await rowVisibility(row.id)).toBe("public");
    const { attachments } = (await (await api(`/attachments?part=${key}`)).json()) as { attachments: AttachmentJson[] };
    expect(attachments[0]).toMatchObject(publicImageUrls(hash));
    const part = (await (await api(`/parts/${key}/cover`, { method: "PUT", json: { attachment_id: row.id } })).json()) as PartJson;
    expect(part.cover_url).toBe(`/api/cas/${hash}?thumbnail=150`);
  });
});
