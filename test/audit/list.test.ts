import { describe, expect, it } from "vitest";
import { insertRows } from "../support/audit";
import { admin } from "../support/tokens";

/** GET /api/admin/audit: newest first, keyset paging, filters. Each test pages through rows of a sub of its own. */

interface Page {
  entries: Array<{ id: number; at: string; sub: string; action: string; target: Record<string, string> | null; detail: object | null }>;
  next_cursor: string | null;
}

const newSub = () => `tester-${crypto.randomUUID()}`;
/** `n` seconds past a fixed instant, far enough ahead that no retention run ever deletes it: each row's time is known. */
const at = (n: number) => new Date(Date.UTC(2090, 0, 1) + n * 1000).toISOString();

async function list(query: Record<string, string>): Promise<Page> {
  const res = await admin(`/audit?${new URLSearchParams(query)}`);
  expect(res.status, await res.clone().text()).toBe(200);
  expect(res.headers.get("Cache-Control")).toBe("no-store");
  return res.json();
}

/** Every page of a query, following next_cursor. */
async function allPages(query: Record<string, string>): Promise<Page[]> {
  const pages: Page[] = [];
  let cursor: string | null = null;
  do {
    const page = await list(cursor ? { ...query, cursor } : query);
    pages.push(page);
    cursor = page.next_cursor;
  } while (cursor !== null && pages.length < 100);
  return pages;
}

describe("GET /api/admin/audit", () => {
  it("lists rows newest first, a page of `limit` at a time, until next_cursor is null", async () => {
    const sub = newSub();
    await insertRows(Array.from({ length: 7 }, (_, i) => ({ at: at(i), sub, action: `test.step${i}`, target: { key: `k${i}` }, detail: { n: i } })));

    const pages = await allPages({ sub, limit: "3" });

    expect(pages.map((p) => p.entries.length)).toEqual([3, 3, 1]);
    expect(pages.at(-1)!.next_cursor).toBeNull();
    const entries = pages.flatMap((p) => p.entries);
    expect(entries.map((e) => e.action)).toEqual([6, 5, 4, 3, 2, 1, 0].map((i) => `test.step${i}`));
    expect(entries[0]).toMatchObject({ sub, at: at(6), target: { key: "k6" }, detail: { n: 6 }, request_id: null, status: null, error: null });
  });

  it("pages through rows written in the same millisecond by id, none twice or lost", async () => {
    const sub = newSub();
    await insertRows(Array.from({ length: 5 }, (_, i) => ({ at: at(100), sub, action: `test.same${i}` })));
    const entries = (await allPages({ sub, limit: "2" })).flatMap((p) => p.entries);
    expect(entries.map((e) => e.action)).toEqual(["test.same4", "test.same3", "test.same2", "test.same1", "test.same0"]);
  });

  it("keeps later pages where they were when rows are written while someone pages", async () => {
    const sub = newSub();
    await insertRows([0, 1, 2, 3].map((i) => ({ at: at(200 + i), sub, action: `test.old${i}` })));
    const first = await list({ sub, limit: "2" });
    await insertRows([{ at: at(300), sub, action: "test.new" }]);
    const second = await list({ sub, limit: "2", cursor: first.next_cursor! });
    expect(second.entries.map((e) => e.action)).toEqual(["test.old1", "test.old0"]);
  });

  it("returns 50 rows by default and at most 200", async () => {
    const sub = newSub();
    await insertRows(Array.from({ length: 210 }, (_, i) => ({ at: at(1000 + i), sub, action: "test.many" })));
    const byDefault = await list({ sub });
    expect(byDefault.entries).toHaveLength(50);
    expect(byDefault.next_cursor).not.toBeNull();
    const most = await list({ sub, limit: "200" });
    expect(most.entries).toHaveLength(200);
    expect(most.entries[0]!.at).toBe(at(1209));
  });

  it("filters by sub, action and a time window (since inclusive, until exclusive), together", async () => {
    const sub = newSub();
    const other = newSub();
    await insertRows([
      { at: at(10), sub, action: "test.rotate" },
      { at: at(20), sub, action: "test.delete" },
      { at: at(30), sub, action: "test.rotate" },
      { at: at(40), sub, action: "test.rotate" },
      { at: at(30), sub: other, action: "test.rotate" },
    ]);
    const times = (page: Page) => page.entries.map((e) => e.at);

    expect(times(await list({ sub, action: "test.rotate" }))).toEqual([at(40), at(30), at(10)]);
    expect(times(await list({ sub, since: at(20), until: at(40) }))).toEqual([at(30), at(20)]);
    expect(times(await list({ sub, action: "test.rotate", since: at(20) }))).toEqual([at(40), at(30)]);
    expect((await list({ action: "test.rotate", since: at(30), until: at(31) })).entries.map((e) => e.sub).sort()).toEqual([sub, other].sort());
    // A date is its midnight UTC; an offset is honoured.
    expect(times(await list({ sub, until: "2090-01-01" }))).toEqual([]);
    expect(times(await list({ sub, since: "2090-01-01T01:00:30+01:00" }))).toEqual([at(40), at(30)]);
  });

  it("lists the rows real requests wrote, under the caller's sub", async () => {
    const sub = "static:ADMIN_TOKEN";
    const since = new Date(Date.now() - 1000).toISOString();
    const res = await admin("/accounts/sa_listed0000000/rotate", { method: "POST" });
    expect(res.status).toBe(404);
    const page = await list({ sub, action: "accounts.rotate", since });
    expect(page.entries.find((e) => (e as { request_id?: string }).request_id === res.headers.get("X-Request-Id"))).toMatchObject({
      target: { clientId: "sa_listed0000000" },
      status: 404,
      error: "not_found",
    });
  });
});
