import { describe, expect, it } from "vitest";
import { api } from "../support/api";
import { createPartWith, idOf, matches, search, tag } from "./support";

/**
 * FTS5's query language is never exposed: each word is a quoted phrase, so
 * its operators are text to find. Each case has a row that the operator
 * would find (and the literal text does not) and, where it makes sense, one
 * holding the literal text.
 */
describe("GET /api/search: FTS5 syntax in q is literal text", () => {
  it("double quotes", async () => {
    const word = tag();
    const quoted = await createPartWith({ name: `Cable 6" ${word}"x` });
    await createPartWith({ name: `Cable ${word} x` });
    const { results } = await search(`${word}"x`);
    expect(results.map(idOf)).toEqual([`part:${quoted.key}`]);
    expect(matches(results[0]!)).toEqual([`${word}"x`]);
    // An unbalanced quote is text too, not a syntax error.
    expect((await search(`"${word}`)).results).toEqual([]);
  });

  it("* (prefix)", async () => {
    const word = tag();
    const star = await createPartWith({ name: `Glob ${word}*` });
    await createPartWith({ name: `Glob ${word}abc` });
    expect((await search(`${word}*`)).results.map(idOf)).toEqual([`part:${star.key}`]);
  });

  it("NEAR, AND, OR and NOT", async () => {
    const [a, b] = [tag(), tag()];
    const near = await createPartWith({ name: `NEAR(${a} ${b})` });
    await createPartWith({ name: `${a} then ${b}` });
    expect((await search(`NEAR(${a}`)).results.map(idOf)).toEqual([`part:${near.key}`]);
    // OR and NOT are words of 2 and 3 characters: "OR" is ignored, "NOT" must occur; neither is an operator.
    const only = await createPartWith({ name: `Only ${tag()} ${a}x` });
    expect((await search(`${a}x OR zzqqzzqq`)).results).toEqual([]);
    expect((await search(`${a}x NOT`)).results).toEqual([]);
    expect((await search(`${a}x AND`)).results).toEqual([]);
    expect((await search(`${a}x`)).results.map(idOf)).toEqual([`part:${only.key}`]);
  });

  it("- (NOT in FTS5's older syntax) and + ", async () => {
    const [a, b] = [tag(), tag()];
    const minus = await createPartWith({ name: `${a} -${b}` });
    const plain = await createPartWith({ name: `${a} ${b}` });
    expect((await search(`${a} -${b}`)).results.map(idOf)).toEqual([`part:${minus.key}`]);
    expect((await search(`${a} +${b}`)).results).toEqual([]);
    expect((await search(`${a} ${b}`)).results.map(idOf).sort()).toEqual([`part:${minus.key}`, `part:${plain.key}`].sort());
  });

  it("column filters (col: and {col}:)", async () => {
    const word = tag();
    const literal = await createPartWith({ name: "Filter", description: `see description:${word}` });
    const inName = await createPartWith({ name: `Named ${word}` });
    expect((await search(`description:${word}`)).results.map(idOf)).toEqual([`part:${literal.key}`]);
    expect((await search(`{name}:${word}`)).results).toEqual([]);
    expect((await search(`name:${word}`)).results).toEqual([]);
    expect((await search(word)).results.map(idOf).sort()).toEqual([`part:${literal.key}`, `part:${inName.key}`].sort());
  });

  it("parentheses, ^ and a lone quote answer 200 with what literally matches", async () => {
    for (const q of ['((("', "^abc", '"""', "a:b:c", "NEAR/2", "*)("]) {
      const res = await api(`/search?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
      await res.body?.cancel();
    }
  });

  it("text that looks like markup comes back as text in the segments", async () => {
    const word = tag();
    const part = await createPartWith({ name: `<img src=x onerror=alert(1)> ${word}` });
    const { results } = await search(word);
    expect(results.map(idOf)).toEqual([`part:${part.key}`]);
    expect(results[0]!.snippet[0]).toEqual({ text: "<img src=x onerror=alert(1)> ", match: false });
  });
});
