import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { STAGING_PREFIX } from "../../src/blobs/keys";
import { BUFFER_LIMIT } from "../../src/blobs/store";
import { type AttachmentJson, api, createPart, upload } from "../support/api";
import { randomBytes, sha256 } from "../support/blobs";

/** Every upload form on both sides of the in-memory limit: each must store the exact bytes. */
describe.each([BUFFER_LIMIT - 1, BUFFER_LIMIT + 1])("an upload of %i bytes", (size) => {
  it.each([
    ["raw body", false],
    ["raw body with declared hash", true],
    ["multipart form", false],
    ["multipart form with declared hash", true],
  ] as const)("as a %s is stored whole", async (form, declared) => {
    const { key } = await createPart();
    const bytes = randomBytes(size);
    const hash = await sha256(bytes);
    let res: Response;
    if (form.startsWith("raw")) {
      res = await upload(key, bytes, { filename: "big.bin", ...(declared ? { sha256: hash } : {}) });
    } else {
      const body = new FormData();
      if (declared) body.set("sha256", hash);
      body.set("file", new File([bytes], "big.bin", { type: "application/octet-stream" }));
      res = await api(`/parts/${key}/attachments`, { method: "POST", body });
    }
    expect(res.status, await res.clone().text()).toBe(201);
    const row = (await res.json()) as AttachmentJson;
    expect(row.size).toBe(size);
    expect(row.download_url).toContain(hash);
    const stored = await env.BUCKET.get(`cas/${hash}`);
    expect(stored?.size).toBe(size);
    await stored?.body.cancel();
    expect((await env.BUCKET.list({ prefix: STAGING_PREFIX })).objects).toEqual([]);
  });
});
