import { expect } from "vitest";
import type { SearchPage, SearchResult } from "../../src/search/schemas";
import { api } from "../support/api";

/** A word no other test's rows contain: 10 random letters (no digits, so no test's numbers run into it). */
export function tag(): string {
  return [...crypto.getRandomValues(new Uint8Array(10))].map((b) => String.fromCharCode(97 + (b % 26))).join("");
}

export async function search(q: string, options: { limit?: number; cursor?: string } = {}): Promise<SearchPage> {
  const query = new URLSearchParams({ q });
  if (options.limit !== undefined) query.set("limit", String(options.limit));
  if (options.cursor !== undefined) query.set("cursor", options.cursor);
  const res = await api(`/search?${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
}

/** Every result of a search, page by page. */
export async function searchAll(q: string, limit: number): Promise<SearchResult[]> {
  const all: SearchResult[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const page = await search(q, { limit, ...(cursor ? { cursor } : {}) });
    expect(page.results.length).toBeLessThanOrEqual(limit);
    all.push(...page.results);
    if (page.next_cursor === null) return all;
    cursor = page.next_cursor;
  }
  throw new Error("more than 100 pages");
}

/** The matched text of a result's snippet, in order. */
export const matches = (result: SearchResult) => result.snippet.filter((s) => s.match).map((s) => s.text);
/** A result's snippet as plain text. */
export const text = (result: SearchResult) => result.snippet.map((s) => s.text).join("");
/** "part:<key>" or "attachment:<id>". */
export const idOf = (result: SearchResult) => (result.kind === "part" ? `part:${result.part_key}` : `attachment:${result.attachment_id}`);

export async function createPartWith(body: { name: string; description?: string; private?: boolean }): Promise<{ key: string }> {
  const res = await api("/parts", { method: "POST", json: body });
  expect(res.status).toBe(201);
  return res.json();
}

/** A URL attachment: a row with a title and attributes, no blob. */
export async function addAttachment(
  key: string,
  body: { title: string; url?: string; attributes?: Record<string, unknown> },
): Promise<{ id: number }> {
  const res = await api(`/parts/${key}/attachments`, { method: "POST", json: { url: "https://example.com/doc", ...body } });
  expect(res.status, await res.clone().text()).toBe(201);
  return res.json();
}
