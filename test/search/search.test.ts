import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { SELECTIVE_MATCHES } from "../../src/search/service";
import { api, pdfBytes, upload } from "../support/api";
import { createPrivatePart } from "../support/private-parts";
import { addAttachment, createPartWith, idOf, matches, search, searchAll, tag, text } from "./support";

describe("GET /api/search: ranking and highlighting", () => {
  it("ranks a name match above a description match, and cuts the matched field into segments", async () => {
    const word = tag();
    const inDescription = await createPartWith({ name: "Plain board", description: `Spare for the ${word} rig, kept in drawer 4` });
    const inName = await createPartWith({ name: `Op amp ${word}` });

    const { results, next_cursor } = await search(word);
    expect(next_cursor).toBeNull();
    expect(results.map(idOf)).toEqual([`part:${inName.key}`, `part:${inDescription.key}`]);
    expect(results[0]).toEqual({
      kind: "part",
      part_key: inName.key,
      title: `Op amp ${word}`,
      field: "name",
      snippet: [
        { text: "Op amp ", match: false },
        { text: word, match: true },
      ],
      url: `/api/parts/${inName.key}`,
    });
    expect(results[1]!.field).toBe("description");
    expect(results[1]!.title).toBe("Plain board");
    expect(matches(results[1]!)).toEqual([word]);
    expect(text(results[1]!)).toContain(`Spare for the ${word} rig`);
  });

  it("needs every word, and highlights each", async () => {
    const [a, b] = [tag(), tag()];
    const both = await createPartWith({ name: `${a} and ${b}` });
    await createPartWith({ name: `${a} alone` });

    const { results } = await search(`${b} ${a}`);
    expect(results.map(idOf)).toEqual([`part:${both.key}`]);
    expect(results[0]!.snippet).toEqual([
      { text: a, match: true },
      { text: " and ", match: false },
      { text: b, match: true },
    ]);
  });

  it("finds part numbers by a substring: LM35 finds LM358, not LM317", async () => {
    const word = tag();
    const lm358 = await createPartWith({ name: `LM358 dual op amp ${word}` });
    await createPartWith({ name: `LM317 regulator ${word}` });

    const { results } = await search(`lm35 ${word}`);
    expect(results.map(idOf)).toEqual([`part:${lm358.key}`]);
    expect(matches(results[0]!)).toEqual(["LM35", word]);
  });

  it("finds CJK names by any 3 of their characters, and accented names without the accents", async () => {
    const word = tag();
    const cjk = await createPartWith({ name: `${word} 低消費電力オペアンプ` });
    const accented = await createPartWith({ name: `Résistance CMS ÉCOLE ${word}` });

    const cjkHits = await search(`消費電 ${word}`);
    expect(cjkHits.results.map(idOf)).toEqual([`part:${cjk.key}`]);
    expect(matches(cjkHits.results[0]!)).toEqual([word, "消費電"]);

    const accentHits = await search(`resistance ecole ${word}`);
    expect(accentHits.results.map(idOf)).toEqual([`part:${accented.key}`]);
    // The segments are the stored text, accents and case as written.
    expect(matches(accentHits.results[0]!)).toEqual(["Résistance", "ÉCOLE", word]);
  });

  it("finds attachments by title, filename and attribute values, and links to their part", async () => {
    const word = tag();
    const part = await createPartWith({ name: "Sensor board" });
    const byTitle = await addAttachment(part.key, { title: `Datasheet ${word}` });
    const res = await upload(part.key, pdfBytes(), { type: "application/pdf", filename: `scan-${word}.pdf`, title: "Scan" });
    expect(res.status).toBe(201);
    const byFilename = (await res.json()) as { id: number };
    const byAttribute = await addAttachment(part.key, { title: "Report", attributes: { batch: 7, vendor: { name: `Acme ${word} Ltd` } } });

    const { results } = await search(word);
    expect(results.map(idOf).sort()).toEqual([byTitle.id, byFilename.id, byAttribute.id].map((id) => `attachment:${id}`).sort());
    const found = new Map(results.map((r) => [r.attachment_id, r]));
    expect(found.get(byTitle.id)).toMatchObject({ kind: "attachment", part_key: part.key, title: `Datasheet ${word}`, field: "title" });
    expect(found.get(byFilename.id)).toMatchObject({ title: "Scan", field: "filename", url: `/api/parts/${part.key}` });
    expect(matches(found.get(byFilename.id)!)).toEqual([word]);
    expect(found.get(byAttribute.id)).toMatchObject({ title: "Report", field: "attributes" });
    expect(text(found.get(byAttribute.id)!)).toContain(`Acme ${word} Ltd`);
    // Ranking: the title match comes first.
    expect(results[0]!.attachment_id).toBe(byTitle.id);
  });

  it("lists private parts like the parts listing does, to a token that may read parts", async () => {
    const word = tag();
    const secret = await createPrivatePart(`Prototype ${word}`);
    const { results } = await search(word);
    expect(results.map(idOf)).toEqual([`part:${secret.key}`]);
    const listing = (await (await api(`/parts?q=${word}`)).json()) as { parts: Array<{ key: string }> };
    expect(listing.parts.map((p) => p.key)).toEqual([secret.key]);
  });
});

describe("GET /api/search: the index follows every change", () => {
  it("on create, rename and delete of a part (with its attachments)", async () => {
    const [before, after] = [tag(), tag()];
    const part = await createPartWith({ name: `Widget ${before}`, description: "plain" });
    const attachment = await addAttachment(part.key, { title: `Drawing ${before}` });
    expect((await search(before)).results.map(idOf).sort()).toEqual([`attachment:${attachment.id}`, `part:${part.key}`]);

    expect((await api(`/parts/${part.key}`, { method: "PATCH", json: { name: `Widget ${after}` } })).status).toBe(200);
    expect((await search(before)).results.map(idOf)).toEqual([`attachment:${attachment.id}`]);
    expect((await search(after)).results.map(idOf)).toEqual([`part:${part.key}`]);

    expect((await api(`/parts/${part.key}`, { method: "PATCH", json: { description: `now ${before}` } })).status).toBe(200);
    expect((await search(before)).results.map(idOf).sort()).toEqual([`attachment:${attachment.id}`, `part:${part.key}`]);

    expect((await api(`/parts/${part.key}`, { method: "DELETE" })).status).toBe(204);
    expect((await search(before)).results).toEqual([]);
    expect((await search(after)).results).toEqual([]);
  });

  it("on a change that does not touch indexed text (private flag), the part is still found once", async () => {
    const word = tag();
    const part = await createPartWith({ name: `Gadget ${word}` });
    expect((await api(`/parts/${part.key}`, { method: "PATCH", json: { private: true } })).status).toBe(200);
    expect((await search(word)).results.map(idOf)).toEqual([`part:${part.key}`]);
  });

  it("on an attachment's rename, attribute patch, copy and delete", async () => {
    const [title, renamed, value, patched] = [tag(), tag(), tag(), tag()];
    const part = await createPartWith({ name: "Holder" });
    const other = await createPartWith({ name: "Other holder" });
    const { id } = await addAttachment(part.key, { title: `Manual ${title}`, attributes: { lot: value, keep: "x" } });

    const patch = (json: unknown) => api(`/parts/${part.key}/attachments/${id}`, { method: "PATCH", json });
    expect((await patch({ title: `Manual ${renamed}` })).status).toBe(200);
    expect((await search(title)).results).toEqual([]);
    expect((await search(renamed)).results.map(idOf)).toEqual([`attachment:${id}`]);
    expect((await search(value)).results.map(idOf)).toEqual([`attachment:${id}`]);

    expect((await patch({ attributes: { lot: patched } })).status).toBe(200);
    expect((await search(value)).results).toEqual([]);
    expect((await search(patched)).results.map((r) => [idOf(r), r.field])).toEqual([[`attachment:${id}`, "attributes"]]);

    const copy = await api(`/parts/${part.key}/attachments/${id}/copy`, { method: "POST", json: { target_part_key: other.key } });
    expect(copy.status).toBe(201);
    const copied = (await copy.json()) as { id: number };
    const afterCopy = await search(renamed);
    expect(afterCopy.results.map((r) => [idOf(r), r.part_key]).sort()).toEqual(
      [
        [`attachment:${id}`, part.key],
        [`attachment:${copied.id}`, other.key],
      ].sort(),
    );

    expect((await api(`/parts/${part.key}/attachments/${id}`, { method: "DELETE" })).status).toBe(204);
    expect((await search(renamed)).results.map(idOf)).toEqual([`attachment:${copied.id}`]);
  });

  it("stays consistent with the tables (FTS5 integrity-check)", async () => {
    const [word, inText] = [tag(), tag()];
    const part = await createPartWith({ name: `Check ${word}`, description: `with\u0001control\u0002characters ${inText}` });
    await addAttachment(part.key, { title: `Note ${word}`, attributes: { text: "a\u0001b" } });
    await api(`/parts/${part.key}`, { method: "PATCH", json: { name: `Checked ${word}` } });
    // 'integrity-check' with rank 1 compares an external-content index with its content, row by row.
    await env.DB.prepare("INSERT INTO part_search (part_search, rank) VALUES ('integrity-check', 1)").run();
    await env.DB.prepare("INSERT INTO attachment_search (attachment_search, rank) VALUES ('integrity-check', 1)").run();
    const { results } = await search(`control ${inText}`);
    expect(results.map(idOf)).toEqual([`part:${part.key}`]);
    expect(results[0]!.field).toBe("description");
    // The control characters of the text are spaces in the snippet: only FTS5's own markers cut segments.
    expect(results[0]!.snippet).toEqual([
      { text: "with ", match: false },
      { text: "control", match: true },
      { text: " characters ", match: false },
      { text: inText, match: true },
    ]);
  });
});

describe("GET /api/search: paging", () => {
  it("pages through ranked results with the cursor, each result once, in the order of one big page", async () => {
    const word = tag();
    for (let i = 0; i < 4; i++) await createPartWith({ name: `${word} part ${i}`, ...(i % 2 ? { description: `more ${word}` } : {}) });
    const part = await createPartWith({ name: "Box" });
    for (let i = 0; i < 3; i++) await addAttachment(part.key, { title: `${word} file ${i}` });

    const whole = (await search(word, { limit: 50 })).results.map(idOf);
    expect(whole).toHaveLength(7);
    for (const limit of [1, 2, 3]) expect((await searchAll(word, limit)).map(idOf)).toEqual(whole);
  });

  it(`lists a common word (more than ${SELECTIVE_MATCHES} rows) newest first, paging by the cursor`, async () => {
    const word = tag();
    // Straight into the table (the triggers index them): a thousand POSTs would take the test's time.
    await env.DB.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
       INSERT INTO parts (key, name) SELECT ?2 || 'k' || i, 'Common ' || ?2 || ' ' || i FROM n`,
    )
      .bind(SELECTIVE_MATCHES + 5, word)
      .run();
    const part = await createPartWith({ name: "Bin" });
    const attachment = await addAttachment(part.key, { title: `Rare ${word}` });

    const first = await search(word, { limit: 20 });
    // The attachments' index has one match: ranked, so it comes before the parts, which come newest first.
    expect(first.results[0]!.attachment_id).toBe(attachment.id);
    expect(first.results.slice(1).map((r) => r.title)).toEqual(Array.from({ length: 19 }, (_, i) => `Common ${word} ${SELECTIVE_MATCHES + 5 - i}`));
    const second = await search(word, { limit: 20, cursor: first.next_cursor! });
    expect(second.results.map((r) => r.title)).toEqual(Array.from({ length: 20 }, (_, i) => `Common ${word} ${SELECTIVE_MATCHES + 5 - 19 - i}`));
    expect(second.results[0]!.snippet).toEqual([
      { text: "Common ", match: false },
      { text: word, match: true },
      { text: ` ${SELECTIVE_MATCHES + 5 - 19}`, match: false },
    ]);
  });
});
