import { describe, expect, it } from "vitest";
import { API_TOKEN, api, createPart, pngBytes, upload } from "../support/api";
import { ORIGIN } from "../support/blobs";
import { fullReads, queryPlan, recordingQueries } from "../support/query-plans";
import { fetchWith } from "../support/worker";

/**
 * Every listing reads its page through an index and stops: at a million
 * parts a full scan of parts or part_attachments (or a sort of every row
 * found) is seconds of D1 time and a bill for a million rows read. Each
 * request goes through the worker with the D1 binding wrapped to record the
 * statements drizzle built and their parameters; each statement's
 * EXPLAIN QUERY PLAN must name no SCAN of those tables and no temporary
 * B-tree, and the listing's own statement the index meant for it.
 */
const TABLES = ["parts", "part_attachments"];

async function plansOf(path: string): Promise<string[][]> {
  const { db, queries } = recordingQueries();
  const res = await fetchWith(new Request(`${ORIGIN}/api${path}`, { headers: { Authorization: `Bearer ${API_TOKEN}` } }), { DB: db });
  expect(res.status, await res.clone().text()).toBe(200);
  const reads = queries.filter((q) => /\b(parts|part_attachments)\b/.test(q.sql));
  expect(reads.length).toBeGreaterThan(0);
  return Promise.all(reads.map((q) => queryPlan(q)));
}

/** A part with an image attachment as its cover, so the parts listing looks covers up too. */
async function partWithCover(): Promise<{ key: string; attachmentId: number }> {
  const { key } = await createPart("LM358 dual op-amp");
  const res = await upload(key, pngBytes(), { type: "image/png", filename: "pinout.png" });
  const { id } = (await res.json()) as { id: number };
  expect((await api(`/parts/${key}/cover`, { method: "PUT", json: { attachment_id: id } })).status).toBe(200);
  return { key, attachmentId: id };
}

const cases: Array<[string, (p: { key: string; attachmentId: number }) => string, RegExp]> = [
  ["the first page of parts", () => "/parts", /^SEARCH parts USING INTEGER PRIMARY KEY \(rowid>\?\)$/],
  ["a later page of parts, by cursor", (p) => `/parts?limit=10&cursor=${p.attachmentId}`, /^SEARCH parts USING INTEGER PRIMARY KEY \(rowid>\?\)$/],
  [
    "a part's attachments",
    (p) => `/parts/${p.key}/attachments`,
    /^SEARCH part_attachments USING (COVERING )?INDEX part_attachments_by_part \(part_key=\?\)$/,
  ],
  [
    "attachments filtered by part",
    (p) => `/attachments?part=${p.key}`,
    /^SEARCH part_attachments USING (COVERING )?INDEX part_attachments_by_part \(part_key=\? AND id>\?\)$/,
  ],
  [
    "attachments of a media type range",
    () => "/attachments?type=image/*",
    /^SEARCH part_attachments USING INDEX part_attachments_by_media_type \(<expr>=\? AND rowid>\?\)$/,
  ],
  [
    "attachments of one media type",
    () => "/attachments?type=image/png",
    /^SEARCH part_attachments USING INDEX part_attachments_by_essence \(<expr>=\? AND rowid>\?\)$/,
  ],
  [
    "a later page of one media type",
    (p) => `/attachments?type=image/png&cursor=${p.attachmentId}`,
    /part_attachments_by_essence \(<expr>=\? AND rowid>\?\)$/,
  ],
  [
    "attachments by an indexed attribute",
    () => "/attachments?attr.batch=B0042",
    /^SEARCH part_attachments USING INDEX part_attachments_by_attr_batch \(<expr>=\? AND rowid>\?\)$/,
  ],
  [
    "a later page by an indexed attribute",
    (p) => `/attachments?attr.batch=7&cursor=${p.attachmentId}`,
    /part_attachments_by_attr_batch \(<expr>=\? AND rowid>\?\)$/,
  ],
];

describe("listing statements read through an index (EXPLAIN QUERY PLAN)", () => {
  it.each(cases)("%s", async (_name, path, expected) => {
    const plans = await plansOf(path(await partWithCover()));

    for (const plan of plans) expect(fullReads(plan, TABLES), plan.join("\n")).toEqual([]);
    expect(
      plans.flat().some((step) => expected.test(step)),
      plans.map((p) => p.join("\n")).join("\n---\n"),
    ).toBe(true);
  });

  it("walks an unindexed attribute in id order, a page at a time, with no sort", async () => {
    // Documented in the README: no index per key, so the walk reads rows until the page fills.
    const plans = await plansOf("/attachments?attr.colour=red");

    for (const plan of plans) expect(fullReads(plan, TABLES), plan.join("\n")).toEqual([]);
    expect(plans.flat()).toContain("SEARCH part_attachments USING INTEGER PRIMARY KEY (rowid>?)");
  });
});
