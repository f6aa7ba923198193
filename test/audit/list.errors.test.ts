import { describe, expect, it } from "vitest";
import { encodeCursor } from "../../src/audit/list";
import { insertRows } from "../support/audit";
import { admin } from "../support/tokens";

async function problem(query: string): Promise<{ status: number; type: string; detail: string }> {
  const res = await admin(`/audit?${query}`);
  expect(res.headers.get("Content-Type"), query).toBe("application/problem+json");
  return { status: res.status, ...((await res.json()) as { type: string; detail: string }) };
}

describe("GET /api/admin/audit refuses what it cannot read", () => {
  it.each([
    ["not base64 at all", "cursor=%25%25%25"],
    ["base64 of something else", `cursor=${btoa("hello")}`],
    ["a cursor with a broken time", `cursor=${btoa("2026-13-01T00:00:00.000Z~5")}`],
    ["a cursor with no id", `cursor=${btoa("2026-01-01T00:00:00.000Z~")}`],
    ["a cursor with id 0", `cursor=${btoa("2026-01-01T00:00:00.000Z~0")}`],
  ])("a bad cursor (%s): 400 naming the cursor", async (_, query) => {
    expect(await problem(query)).toMatchObject({
      status: 400,
      type: "urn:cas-edge:problem:invalid-parameter",
      detail: expect.stringMatching(/^cursor/),
    });
  });

  it.each(["limit=0", "limit=201", "limit=ten", "limit=1.5", "limit="])("%s: 400 naming limit", async (query) => {
    expect(await problem(query)).toMatchObject({ status: 400, detail: expect.stringMatching(/^limit/) });
  });

  it.each(["since=yesterday", "since=2026-02-30", "until=1714000000", "until=2026-01-01T25:00:00Z"])("%s: 400 naming the bound", async (query) => {
    expect(await problem(query)).toMatchObject({ status: 400, detail: expect.stringMatching(/^(since|until): must be an ISO 8601/) });
  });

  it("refuses a window that ends before it starts", async () => {
    expect(await problem("since=2026-02-01&until=2026-01-01")).toMatchObject({ status: 400, detail: "since: must be before until" });
  });

  it("pages on from the position a well-formed cursor holds", async () => {
    const sub = `tester-${crypto.randomUUID()}`;
    await insertRows([1, 2].map((n) => ({ at: `2090-03-0${n}T00:00:00.000Z`, sub, action: "test.cursor" })));
    const cursor = encodeCursor({ at: "2090-03-01T12:00:00.000Z", id: Number.MAX_SAFE_INTEGER });
    const res = await admin(`/audit?sub=${sub}&cursor=${cursor}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { entries: unknown[] }).entries).toHaveLength(1);
  });
});
