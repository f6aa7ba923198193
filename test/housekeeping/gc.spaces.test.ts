import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { collectGarbage } from "../../src/housekeeping/gc";
import { coredumpRow, fakeHash, putBlob, referenceFromRow, resetStore, step } from "../support/housekeeping";

beforeEach(resetStore);

const exists = async (key: string) => (await env.BUCKET.head(key)) !== null;
const keys = async (prefix: string) => (await env.BUCKET.list({ prefix })).objects.map((o) => o.key);

/** GC walks cas/ and then private/cas/ in one pass; a copy is kept while a row reads that copy. */
describe("GC over the public and the private space", () => {
  it("keeps what a row of the same space reads and collects the rest, in both spaces, with their thumbnails", async () => {
    const [privateRead, privateOrphan, publicRead, publicOrphan, readPrivately] = [fakeHash(1), fakeHash(2), fakeHash(3), fakeHash(4), fakeHash(5)];
    await putBlob(privateRead, "private");
    await coredumpRow(privateRead, "private");
    await putBlob(privateOrphan, "private");
    await putBlob(publicRead, "public");
    await referenceFromRow(publicRead);
    await putBlob(publicOrphan, "public");
    // Its only row reads the private copy: the public one is nobody's.
    await putBlob(readPrivately, "public");
    await putBlob(readPrivately, "private");
    await referenceFromRow(readPrivately, { private: true });
    for (const hash of [privateRead, privateOrphan]) {
      await env.BUCKET.put(`private/thumbnails/${hash}_150.jpg`, "t");
      await env.BUCKET.put(`private/thumbnails/${hash}.undecodable`, "");
    }
    await env.BUCKET.put(`thumbnails/${readPrivately}_150.jpg`, "t");
    await env.BUCKET.put(`private/thumbnails/${fakeHash(9)}_150.jpg`, "left over");

    const result = await collectGarbage(env, step());

    expect(result).toMatchObject({
      collected: [publicOrphan, readPrivately],
      collected_private: [privateOrphan],
      scanned: 6,
      deleted: 3,
      kept: 3,
      thumbnails_deleted: 4,
      done: true,
    });
    expect(await keys("cas/")).toEqual([`cas/${publicRead}`]);
    expect(await keys("private/cas/")).toEqual([`private/cas/${privateRead}`, `private/cas/${readPrivately}`]);
    expect(await keys("private/thumbnails/")).toEqual([`private/thumbnails/${privateRead}.undecodable`, `private/thumbnails/${privateRead}_150.jpg`]);
    expect(await keys("thumbnails/")).toEqual([]);
  });

  it("keeps both copies of a hash an upload claimed since the cutoff", async () => {
    const hash = fakeHash(7);
    await putBlob(hash, "public");
    await putBlob(hash, "private");
    const claimedAt = Date.now();
    await env.DB.prepare("INSERT INTO blob_claims (hash, claimed_at) VALUES (?1, ?2)").bind(hash, claimedAt).run();

    const kept = await collectGarbage(env, step({ now: claimedAt, graceHours: 0 }));
    const collected = await collectGarbage(env, step({ now: claimedAt + 1, graceHours: 0 }));

    expect(kept).toMatchObject({ collected: [], collected_private: [], kept_in_use: 2 });
    expect(collected).toMatchObject({ collected: [hash], collected_private: [hash] });
    expect(await exists(`private/cas/${hash}`)).toBe(false);
  });

  it("walks both spaces with one cursor, cas/ first, across invocations", async () => {
    const hashes = [0, 1, 2].map((n) => fakeHash(n));
    for (const hash of hashes) {
      await putBlob(hash, "public");
      await putBlob(hash, "private");
    }

    const steps = [];
    for (let i = 0; i < 5; i++) {
      const result = await collectGarbage(env, step({ maxObjects: 2 }));
      steps.push(result);
      if (result.done) break;
    }

    expect(steps.map((s) => s.cursor)).toEqual([`cas/${hashes[1]}`, `private/cas/${hashes[0]}`, null]);
    expect(steps.map((s) => [s.collected, s.collected_private])).toEqual([
      [hashes.slice(0, 2), []],
      [hashes.slice(2), hashes.slice(0, 1)],
      [[], hashes.slice(1)],
    ]);
    expect(steps.at(-1)!.pass).toMatchObject({ scanned: 6, deleted: 6, kept: 0 });
    expect(await keys("private/")).toEqual([]);
  });

  it("a dry run reports the private space too, and deletes nothing", async () => {
    await putBlob(fakeHash(1), "private");

    const result = await collectGarbage(env, step({ dryRun: true }));

    expect(result).toMatchObject({ collected: [], collected_private: [fakeHash(1)], done: true });
    expect(await exists(`private/cas/${fakeHash(1)}`)).toBe(true);
  });
});
