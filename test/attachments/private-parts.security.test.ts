import { describe, expect, it } from "vitest";
import { api, createPart, jpegBytes, upload } from "../support/api";
import { sha256 } from "../support/blobs";
import { copies, createPrivatePart } from "../support/private-parts";

const attachByHash = (key: string, json: unknown) => api(`/parts/${key}/attachments`, { method: "POST", json });

/** A problem with the hash written out of its detail, so answers for two hashes compare. */
async function problemShape(res: Response, hash: string) {
  const problem = (await res.json()) as Record<string, unknown>;
  delete problem.request_id;
  delete problem.instance;
  return { status: res.status, type: res.headers.get("Content-Type"), ...problem, detail: String(problem.detail).replaceAll(hash, "<hash>") };
}

describe("attaching by hash a blob stored only privately", () => {
  it("on a public part is refused exactly like an absent hash, and stores nothing publicly", async () => {
    const secret = await createPrivatePart();
    const bytes = jpegBytes(800);
    expect((await upload(secret.key, bytes, { type: "image/jpeg", filename: "secret.jpg" })).status).toBe(201);
    const hash = await sha256(bytes);
    const absent = await sha256(jpegBytes(800));
    const { key } = await createPart("Public");

    const privateOnly = await attachByHash(key, { sha256: hash, filename: "x.jpg" });
    const nothing = await attachByHash(key, { sha256: absent, filename: "x.jpg" });

    expect(privateOnly.status).toBe(422);
    expect(await problemShape(privateOnly, hash)).toEqual(await problemShape(nothing, absent));
    expect(await copies(hash)).toEqual([null, 800]);
    expect(await (await api(`/parts/${key}/attachments`)).json()).toEqual([]);
  });

  it("on a private part is refused too: a hash read off a signed link grants no new link", async () => {
    const secret = await createPrivatePart();
    const bytes = jpegBytes(600);
    expect((await upload(secret.key, bytes, { type: "image/jpeg", filename: "secret.jpg" })).status).toBe(201);
    const hash = await sha256(bytes);
    const other = await createPrivatePart("Another private part");

    const res = await attachByHash(other.key, { sha256: hash, filename: "x.jpg" });

    expect(res.status).toBe(422);
    expect(await (await api(`/parts/${other.key}/attachments`)).json()).toEqual([]);
  });
});

describe("the private flag", () => {
  it.each([[{ name: "x", private: "yes" }], [{ name: "x", private: 1 }], [{ name: "x", private: null }]])(
    "refuses %j on create with 400 naming private",
    async (json) => {
      const res = await api("/parts", { method: "POST", json });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { detail: string }).detail).toContain("private");
    },
  );

  it("refuses a PATCH that sets it to something other than a boolean, and leaves the part as it was", async () => {
    const { key } = await createPrivatePart();
    const res = await api(`/parts/${key}`, { method: "PATCH", json: { private: "false" } });
    expect(res.status).toBe(400);
    expect(await (await api(`/parts/${key}`)).json()).toMatchObject({ private: true });
  });
});
