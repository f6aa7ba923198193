import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { AppError } from "../../src/errors";
import { search } from "../../src/search/service";
import { api } from "../support/api";
import { createPartWith, search as searchApi, tag } from "./support";

async function problem(query: string): Promise<{ status: number; detail: string; type: string }> {
  const res = await api(`/search?${query}`);
  expect(res.headers.get("Content-Type")).toBe("application/problem+json");
  return { status: res.status, ...((await res.json()) as { detail: string; type: string }) };
}

describe("GET /api/search: what it refuses", () => {
  it.each([
    ["no q", "", "q"],
    ["a blank q", "q=%20%20", "q"],
    ["a q over 200 characters", `q=${"x".repeat(201)}`, "q"],
    ["limit 0", "q=abc&limit=0", "limit"],
    ["limit over 50", "q=abc&limit=51", "limit"],
    ["an unknown parameter", "q=abc&sort=name", "sort"],
    ["a cursor that is not one", "q=abc&cursor=not-a-cursor", "cursor"],
    ["a cursor of the wrong shape", `q=abc&cursor=${btoa(JSON.stringify({ id: 1 }))}`, "cursor"],
  ])("%s: 400 naming the parameter", async (_, query, parameter) => {
    const { status, detail, type } = await problem(query);
    expect(status).toBe(400);
    expect(type).toBe("urn:cas-edge:problem:invalid-parameter");
    expect(detail).toContain(parameter);
  });

  it.each([["a"], ["ab"], ["ab cd"], ["低消"], ["日本 語"]])("a query with no word of 3 characters (%s): 400 saying so", async (q) => {
    const { status, detail } = await problem(`q=${encodeURIComponent(q)}`);
    expect(status).toBe(400);
    expect(detail).toContain("3 or more characters");
  });

  it("a query of more than 8 words: 400", async () => {
    const { status, detail } = await problem(`q=${encodeURIComponent(Array.from({ length: 9 }, (_, i) => `word${i}`).join(" "))}`);
    expect(status).toBe(400);
    expect(detail).toContain("at most 8 words");
  });

  it("ignores words of 1 or 2 characters beside a longer one", async () => {
    const word = tag();
    const part = await createPartWith({ name: `${word} board` });
    expect((await searchApi(`${word} x yz`)).results.map((r) => r.part_key)).toEqual([part.key]);
  });

  it("answers a query FTS5 refuses at run time with a 400, not a 500", async () => {
    // Quoting leaves no such query to reach FTS5; this is the net under it.
    const refused = await search(env.DB, { phrases: ['"abc'], expression: '"abc' }, 20, undefined).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(400);
    expect((refused as AppError).message).toContain("q: this text cannot be searched");
  });
});
