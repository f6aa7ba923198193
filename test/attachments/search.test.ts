import { describe, expect, it } from "vitest";
import { api, createPart } from "../support/api";

type Page = { parts: Array<{ key: string; name: string }>; next_cursor: string | null };

async function search(q: string, limit = 100, cursor?: string): Promise<Page> {
  const query = new URLSearchParams({ q, limit: String(limit) });
  if (cursor) query.set("cursor", cursor);
  const res = await api(`/parts?${query}`);
  expect(res.status).toBe(200);
  return res.json();
}

const keysOf = (page: Page) => page.parts.map((p) => p.key);

describe("searching parts by name", () => {
  it("finds names containing the text, ignoring ASCII case, in creation order", async () => {
    const tag = crypto.randomUUID().slice(0, 8);
    const a = await createPart(`LM358 ${tag} op-amp`);
    const b = await createPart(`lm358 ${tag} dual`);
    await createPart(`LM317 ${tag} regulator`);
    const c = await createPart(`Quad LM358 ${tag}`);

    expect(keysOf(await search(`lm358 ${tag}`))).toEqual([a.key, b.key, c.key]);
  });

  it("pages through matches with the same cursor as the plain list", async () => {
    const tag = crypto.randomUUID().slice(0, 8);
    const made = [await createPart(`cap ${tag} 1`), await createPart(`cap ${tag} 2`), await createPart(`cap ${tag} 3`)];
    await createPart(`resistor ${tag}`);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await search(`cap ${tag}`, 2, cursor);
      expect(page.parts.length).toBeLessThanOrEqual(2);
      seen.push(...keysOf(page));
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(made.map((p) => p.key));
  });

  it("matches %, _ and \\ literally", async () => {
    const tag = crypto.randomUUID().slice(0, 8);
    const percent = await createPart(`100% ${tag}`);
    await createPart(`100x ${tag}`);
    const underscore = await createPart(`a_b ${tag}`);
    await createPart(`axb ${tag}`);
    const backslash = await createPart(`c\\d ${tag}`);
    await createPart(`cd ${tag}`);

    expect(keysOf(await search(`100% ${tag}`))).toEqual([percent.key]);
    expect(keysOf(await search(`a_b ${tag}`))).toEqual([underscore.key]);
    expect(keysOf(await search(`c\\d ${tag}`))).toEqual([backslash.key]);
  });

  it("finds names by a long query, and by one in CJK, where a LIKE pattern of over 50 bytes was a 500", async () => {
    const tag = crypto.randomUUID().slice(0, 8);
    const long = await createPart(`${tag} ${"Operational amplifier, dual, low power, rail to rail output ".repeat(3)}`);
    const cjk = await createPart(`${tag} 低消費電力デュアルオペアンプ用評価基板モジュール`);

    expect(keysOf(await search(`${tag} ${"operational amplifier, dual, low power, rail to rail output ".repeat(3).trim()}`))).toEqual([long.key]);
    expect(keysOf(await search("低消費電力デュアルオペアンプ用評価基板モジュール"))).toEqual([cjk.key]);
  });

  it("keeps its own rule for case: ASCII letters only, whatever the index folds", async () => {
    const tag = crypto.randomUUID().slice(0, 8);
    const upper = await createPart(`ÉCOLE ${tag}`);
    const lower = await createPart(`école ${tag}`);
    const plain = await createPart(`ecole ${tag}`);

    // The trigram index folds É to é and drops accents; the listing still compares lower() text, as it always has.
    expect(keysOf(await search(`école ${tag}`))).toEqual([lower.key]);
    expect(keysOf(await search(`ÉCOLE ${tag}`))).toEqual([upper.key]);
    expect(keysOf(await search(`ECOLE ${tag}`))).toEqual([plain.key]);
  });

  it("follows renames and deletes", async () => {
    const tag = crypto.randomUUID().slice(0, 8);
    const part = await createPart(`before ${tag}`);
    expect(keysOf(await search(`before ${tag}`))).toEqual([part.key]);
    expect((await api(`/parts/${part.key}`, { method: "PATCH", json: { name: `after ${tag}` } })).status).toBe(200);
    expect(keysOf(await search(`before ${tag}`))).toEqual([]);
    expect(keysOf(await search(`after ${tag}`))).toEqual([part.key]);
    expect((await api(`/parts/${part.key}`, { method: "DELETE" })).status).toBe(204);
    expect(keysOf(await search(`after ${tag}`))).toEqual([]);
  });

  it("refuses a q of 1 or 2 characters: the index holds 3-character sequences", async () => {
    for (const q of ["a", "ab", "低消"]) {
      const res = await api(`/parts?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(400);
      expect(((await res.json()) as { detail: string }).detail).toContain("at least 3 characters");
    }
  });

  it("treats a blank q as no filter and refuses one longer than 200 characters", async () => {
    const blank = await api("/parts?q=%20%20&limit=1");
    expect(blank.status).toBe(200);
    expect(((await blank.json()) as Page).parts).toHaveLength(1);

    const long = await api(`/parts?q=${"x".repeat(201)}`);
    expect(long.status).toBe(400);
    expect(((await long.json()) as { detail: string }).detail).toContain("q");
  });
});
