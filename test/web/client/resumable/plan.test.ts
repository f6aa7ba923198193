import { describe, expect, it } from "vitest";
import * as geometry from "../../../../src/uploads/geometry";
import {
  choosePartSize,
  findSaved,
  keepSaved,
  MAX_PARTS,
  MIN_PART_SIZE,
  PART_SIZE,
  parseSaved,
  progressLine,
  RESUMABLE_FROM,
  rate,
  resumableThreshold,
  retryDelay,
  type SavedUpload,
} from "../../../../src/web/client/resumable/plan";

const MIB = 1024 * 1024;
const later = new Date(Date.now() + 3_600_000).toISOString();
const saved = (over: Partial<SavedUpload> = {}): SavedUpload => ({
  id: "00000000-0000-4000-8000-000000000001",
  name: "scan.tif",
  size: 300_000_000,
  lastModified: 1_700_000_000_000,
  sha256: "a".repeat(64),
  partSize: PART_SIZE,
  expiresAt: later,
  ...over,
});

describe("which files the page sends resumably", () => {
  it("takes the smaller of 64 MB and the worker's one-request limit, so a file it would refuse goes resumable", () => {
    expect(resumableThreshold({ upload: 100 * MIB, part: geometry.MAX_PART_SIZE })).toBe(RESUMABLE_FROM);
    expect(resumableThreshold({ upload: 500_000 })).toBe(500_000);
    expect(resumableThreshold(null)).toBe(RESUMABLE_FROM);
  });
});

describe("part size", () => {
  it("keeps to the worker's bounds (src/uploads/geometry.ts)", () => {
    expect([MIN_PART_SIZE, MAX_PARTS, PART_SIZE]).toEqual([geometry.MIN_PART_SIZE, geometry.MAX_PARTS, geometry.DEFAULT_PART_SIZE]);
  });

  it("is 16 MiB within the worker's bounds, lowered to its part limit but never below R2's minimum", () => {
    expect(choosePartSize(300_000_000, geometry.MAX_PART_SIZE)).toBe(PART_SIZE);
    expect(choosePartSize(300_000_000, 8 * MIB)).toBe(8 * MIB);
    expect(choosePartSize(1_000, undefined)).toBe(PART_SIZE);
    expect(choosePartSize(300_000_000, MIN_PART_SIZE - 1)).toBeNull();
  });

  it("grows in whole MiB until the file fits in 10 000 parts, and gives up past the part limit", () => {
    const size = 200 * 1024 * MIB;
    const chosen = choosePartSize(size, geometry.MAX_PART_SIZE)!;
    expect(chosen % MIB).toBe(0);
    expect(Math.ceil(size / chosen)).toBeLessThanOrEqual(MAX_PARTS);
    expect(Math.ceil(size / (chosen - MIB))).toBeGreaterThan(MAX_PARTS);
    expect(choosePartSize(geometry.MAX_PART_SIZE * MAX_PARTS + 1, geometry.MAX_PART_SIZE)).toBeNull();
  });
});

describe("resuming a saved upload", () => {
  it("matches the same name, size and modification time only", () => {
    const record = saved();
    const file = { name: "scan.tif", size: 300_000_000, lastModified: 1_700_000_000_000 };
    expect(findSaved([record], file)).toBe(record);
    expect(findSaved([record], { ...file, lastModified: file.lastModified + 1 })).toBeUndefined();
    expect(findSaved([record], { ...file, size: file.size - 1 })).toBeUndefined();
    expect(findSaved([record], { ...file, name: "scan (1).tif" })).toBeUndefined();
  });

  it("drops expired records and older duplicates of a file", () => {
    const newest = saved({ id: "new" });
    const kept = keepSaved(
      [newest, saved({ id: "old" }), saved({ name: "gone.bin", expiresAt: new Date(Date.now() - 1).toISOString() })],
      Date.now(),
    );
    expect(kept.map((s) => s.id)).toEqual(["new"]);
  });

  it("reads only well-formed records from storage", () => {
    expect(parseSaved(null)).toEqual([]);
    expect(parseSaved("{not json")).toEqual([]);
    expect(parseSaved('{"id":"x"}')).toEqual([]);
    expect(parseSaved(JSON.stringify([saved(), { id: "x", name: "y" }, null]))).toEqual([saved()]);
  });
});

describe("retries and progress", () => {
  it("backs off exponentially up to 8 s", () => {
    expect([1, 2, 3, 4, 5, 6, 9].map(retryDelay)).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
  });

  it("says speed and time left once two samples exist", () => {
    const fmt = (n: number) => `${n} B`;
    expect(rate([{ at: 0, bytes: 0 }])).toBeNull();
    expect(
      rate([
        { at: 1000, bytes: 0 },
        { at: 3000, bytes: 4000 },
      ]),
    ).toBe(2000);
    expect(progressLine(250, 1000, null, fmt)).toBe("Uploading… 25%");
    expect(progressLine(250, 1000, 25, fmt)).toBe("Uploading… 25% · 25 B/s · 30 s left");
    expect(progressLine(0, 1_000_000, 100, fmt)).toBe("Uploading… 0% · 100 B/s · 2 h 46 min left");
  });
});
