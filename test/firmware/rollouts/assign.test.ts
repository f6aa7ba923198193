import { describe, expect, it } from "vitest";
import { BUCKETS, bucketOf, stageForBucket } from "../../../src/firmware/rollouts/assign";

const PLAN = [100, 1000, 5000, 10_000]; // 1 % → 10 % → 50 % → 100 %, cumulative, in basis points
const keys = Array.from(
  { length: 10_000 },
  (_, i) => `30:ae:a4:${(i >> 8).toString(16).padStart(2, "0")}:${(i & 255).toString(16).padStart(2, "0")}:00`,
);

describe("stage assignment", () => {
  it("places 10 000 devices in each stage within one percentage point of its share", async () => {
    const counts = [0, 0, 0, 0];
    for (const key of keys) counts[stageForBucket(PLAN, await bucketOf(7, key))!]!++;
    const shares = [1, 9, 40, 50];
    for (const [i, share] of shares.entries())
      expect(Math.abs((100 * counts[i]!) / keys.length - share), `stage ${i}: ${counts[i]}`).toBeLessThanOrEqual(1);
  });

  it("is the same for a device at every check, and another draw for another rollout", async () => {
    const first = await Promise.all(keys.slice(0, 500).map((k) => bucketOf(7, k)));
    const again = await Promise.all(keys.slice(0, 500).map((k) => bucketOf(7, k)));
    const other = await Promise.all(keys.slice(0, 500).map((k) => bucketOf(8, k)));
    expect(again).toEqual(first);
    expect(first.every((b) => Number.isInteger(b) && b >= 0 && b < BUCKETS)).toBe(true);
    // Another rollout draws its canaries afresh: most devices land elsewhere.
    expect(other.filter((b, i) => b === first[i]).length).toBeLessThan(10);
  });

  it("puts a device in the first stage whose cumulative share covers it, skipping named lists, and none past the last", () => {
    expect(stageForBucket([null, 100, 1000], 0)).toBe(1);
    expect(stageForBucket([null, 100, 1000], 100)).toBe(2);
    expect(stageForBucket([null, 100, 1000], 999)).toBe(2);
    expect(stageForBucket([null, 100, 1000], 1000)).toBeNull();
    expect(stageForBucket([null], 0)).toBeNull();
  });
});
