import { env } from "cloudflare:test";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type AttachmentJson, api } from "../support/api";
import { ORIGIN, sha256 } from "../support/blobs";
import { fixture } from "../support/fixtures";
import { resetMigrationState, rowHash, seedLegacyPart } from "../support/legacy";
import { bearer, tokenWith } from "../support/tokens";
import { fetchWith } from "../support/worker";

/** API_TOKEN retired as the README says (set empty), so requests authenticate with a service account. */
const RETIRED = { API_TOKEN: "" };

let reader: string;
beforeAll(async () => {
  reader = (await tokenWith(["parts:read"])).token;
});
beforeEach(resetMigrationState);

/** A part whose cover is a legacy image, and a legacy PDF beside it: every kind of legacy link. */
async function seedPart() {
  const seeded = await seedLegacyPart([{ bytes: fixture("baseline.jpg"), type: "image/jpeg" }, { type: "application/pdf" }]);
  await env.DB.prepare("UPDATE parts SET cover_attachment_id = ?1 WHERE key = ?2").bind(seeded.rows[0]!.id, seeded.key).run();
  return seeded;
}

function get(path: string, overrides: Partial<Env>): Promise<Response> {
  return fetchWith(new Request(`${ORIGIN}${path}`, { headers: bearer(reader), redirect: "manual" }), overrides);
}

async function json<T>(res: Response): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
}

/** The download link each row has under the suite's own secrets (API_TOKEN signs). */
async function linksUnderApiToken(key: string): Promise<string[]> {
  const listed = (await (await api(`/parts/${key}/attachments`)).json()) as AttachmentJson[];
  return listed.map((a) => a.download_url!);
}

describe("the key of legacy links", () => {
  it("with API_TOKEN retired and no LEGACY_LINK_KEY: listings answer with null links, and every legacy link is 404", async () => {
    const { key, rows } = await seedPart();
    const oldLinks = await linksUnderApiToken(key);
    expect(oldLinks[0]).toMatch(/^\/api\/legacy\//);

    const listed = await json<AttachmentJson[]>(await get(`/api/parts/${key}/attachments`, RETIRED));
    expect(listed).toHaveLength(2);
    for (const a of listed) {
      expect(a).toMatchObject({ download_url: null, view_url: null, thumbnail_url: null, thumbnail_srcset: null });
    }
    const searched = await json<{ attachments: AttachmentJson[] }>(await get(`/api/attachments?part=${key}`, RETIRED));
    expect(searched.attachments.map((a) => a.download_url)).toEqual([null, null]);
    expect(await json(await get(`/api/parts/${key}`, RETIRED))).toMatchObject({ key, cover_url: null });

    for (const link of oldLinks) {
      const res = await get(link, RETIRED);
      expect(res.status).toBe(404);
      expect(res.headers.get("Content-Type")).toBe("application/problem+json");
    }
    for (const row of rows) expect(await rowHash(row.id)).toBeNull();
  });

  it("LEGACY_LINK_KEY signs the links once set, with or without API_TOKEN; links under the old key are 404", async () => {
    const { key, rows } = await seedPart();
    const oldLinks = await linksUnderApiToken(key);
    for (const secrets of [{ ...RETIRED, LEGACY_LINK_KEY: "legacy-link-key-1" }, { LEGACY_LINK_KEY: "legacy-link-key-2" }]) {
      const listed = await json<AttachmentJson[]>(await get(`/api/parts/${key}/attachments`, secrets));
      const image = listed.find((a) => a.id === rows[0]!.id)!;
      expect(image.thumbnail_url).toMatch(/^\/api\/legacy\/attachments\/\d+\/thumbnail\?sig=[0-9a-f]{32}$/);
      expect(image.download_url).not.toBe(oldLinks[0]);
      expect(((await json(await get(`/api/parts/${key}`, secrets))) as { cover_url: string }).cover_url).toBe(image.thumbnail_url);
      expect((await get(oldLinks[0]!, secrets)).status).toBe(404);
    }
    expect(await rowHash(rows[0]!.id)).toBeNull();

    const secrets = { ...RETIRED, LEGACY_LINK_KEY: "legacy-link-key-1" };
    const listed = await json<AttachmentJson[]>(await get(`/api/parts/${key}/attachments`, secrets));
    const redirect = await get(listed.find((a) => a.id === rows[0]!.id)!.download_url!, secrets);
    expect(redirect.status).toBe(307);
    const hash = await sha256(rows[0]!.bytes!);
    expect(redirect.headers.get("Location")).toMatch(new RegExp(`^/api/cas/${hash}\\?`));
    expect(await rowHash(rows[0]!.id)).toBe(hash);
  });
});
