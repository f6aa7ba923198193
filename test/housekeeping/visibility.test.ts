import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { moveVisibility } from "../../src/housekeeping/visibility";
import { casGet, randomBytes, sha256, storeBytes } from "../support/blobs";
import { fixture } from "../support/fixtures";
import { coredumpRow, firmwareArtifactRow, putBlob, referenceFromRow, resetStore, rowVisibility, step } from "../support/housekeeping";
import { recordingBucket } from "../support/worker";

beforeEach(resetStore);

const exists = async (key: string) => (await env.BUCKET.head(key)) !== null;
const bytesAt = async (key: string) => new Uint8Array(await (await env.BUCKET.get(key))!.arrayBuffer());

/** Bytes stored as the public blob they were before issue 22, through the public PUT (which claims them). */
async function publicBlob(size = 1024): Promise<{ hash: string; bytes: Uint8Array }> {
  const bytes = randomBytes(size);
  return { hash: await storeBytes(bytes), bytes };
}

describe("the visibility pass moves rows to the copy they should read", () => {
  it("moves a coredump, a firmware artifact and a private part's attachment to private/cas/, and deletes the public copies with their thumbnails", async () => {
    const dump = await publicBlob();
    const elf = await publicBlob();
    const image = fixture("small.png");
    const imageHash = await storeBytes(image, "image/png");
    expect((await casGet(imageHash, "?thumbnail=20")).status).toBe(200);
    await env.BUCKET.put(`thumbnails/${imageHash}.undecodable`, "");
    const dumpRow = await coredumpRow(dump.hash);
    const elfRow = await firmwareArtifactRow(elf.hash);
    const attachment = await referenceFromRow(imageHash, { private: true, visibility: "public" });

    const result = await moveVisibility(env, step());

    expect(result).toMatchObject({
      moved: [`coredumps:${dumpRow}`, `firmware_artifacts:${elfRow}`, `part_attachments:${attachment}`],
      copied: 3,
      kept_source: 0,
      missing: 0,
      thumbnails_deleted: 2,
      scanned: 3,
      deleted: 3,
      kept: 0,
      done: true,
      cursor: null,
    });
    expect(await rowVisibility("coredumps", dumpRow)).toBe("private");
    expect(await rowVisibility("firmware_artifacts", elfRow)).toBe("private");
    expect(await rowVisibility("part_attachments", attachment)).toBe("private");
    for (const { hash, bytes } of [dump, elf, { hash: imageHash, bytes: image }]) {
      expect(await bytesAt(`private/cas/${hash}`)).toEqual(bytes);
      expect(await exists(`cas/${hash}`)).toBe(false);
      expect((await casGet(hash)).status).toBe(404);
    }
    expect((await env.BUCKET.head(`private/cas/${imageHash}`))!.httpMetadata?.contentType).toBe("image/png");
    expect((await env.BUCKET.list({ prefix: "thumbnails/" })).objects).toEqual([]);
    expect(await env.DB.prepare("SELECT COUNT(*) AS n FROM blob_claims WHERE condemned_at IS NOT NULL").first()).toEqual({ n: 0 });
  });

  it("keeps the public copy while another row reads it, and deletes it once the last one moved", async () => {
    const { hash } = await publicBlob();
    const moving = await referenceFromRow(hash, { private: true, visibility: "public" });
    const other = await referenceFromRow(hash);
    await env.BUCKET.put(`thumbnails/${hash}_150.jpg`, "t");

    const first = await moveVisibility(env, step());

    expect(first).toMatchObject({ moved: [`part_attachments:${moving}`], copied: 1, kept_source: 1, deleted: 0 });
    expect(await exists(`cas/${hash}`)).toBe(true);
    expect(await exists(`thumbnails/${hash}_150.jpg`)).toBe(true);
    expect(await exists(`private/cas/${hash}`)).toBe(true);
    expect(await rowVisibility("part_attachments", other)).toBe("public");

    // The other part turns private too: its row moves, finds the private copy there, and the public one goes.
    await env.DB.prepare("UPDATE parts SET private = 1 WHERE key = (SELECT part_key FROM part_attachments WHERE id = ?1)").bind(other).run();
    const second = await moveVisibility(env, step());

    expect(second).toMatchObject({ moved: [`part_attachments:${other}`], copied: 0, deleted: 1, thumbnails_deleted: 1 });
    expect(await exists(`cas/${hash}`)).toBe(false);
  });

  it("moves a public part's attachment back to cas/, deleting the private copy and its private thumbnails", async () => {
    const bytes = randomBytes(512);
    const hash = await sha256(bytes);
    await putBlob(hash, "private", bytes);
    await env.BUCKET.put(`private/thumbnails/${hash}_150.jpg`, "t");
    const row = await referenceFromRow(hash, { private: false, visibility: "private" });

    const result = await moveVisibility(env, step());

    expect(result).toMatchObject({ moved: [`part_attachments:${row}`], copied: 1, deleted: 1, thumbnails_deleted: 1 });
    expect(await rowVisibility("part_attachments", row)).toBe("public");
    expect(await bytesAt(`cas/${hash}`)).toEqual(bytes);
    expect(await exists(`private/cas/${hash}`)).toBe(false);
    expect(await exists(`private/thumbnails/${hash}_150.jpg`)).toBe(false);
  });

  it("a second run walks the rows again and writes nothing", async () => {
    const { hash } = await publicBlob();
    await coredumpRow(hash);
    await referenceFromRow((await publicBlob()).hash, { private: true, visibility: "public" });
    await referenceFromRow((await publicBlob()).hash);
    expect((await moveVisibility(env, step())).moved).toHaveLength(2);
    const { bucket, calls } = recordingBucket();

    const again = await moveVisibility({ ...env, BUCKET: bucket }, step());

    expect(again).toMatchObject({ moved: [], copied: 0, deleted: 0, scanned: 3, kept: 3, done: true });
    expect(calls).toEqual([]);
  });

  it("counts and skips a row whose bytes are in neither space, and moves a row whose copy an earlier run already made", async () => {
    const absent = await sha256(randomBytes(64));
    const lost = await coredumpRow(absent);
    const bytes = randomBytes(256);
    const moved = await sha256(bytes);
    await putBlob(moved, "private", bytes);
    const halfway = await coredumpRow(moved);

    const result = await moveVisibility(env, step());

    expect(result).toMatchObject({ moved: [`coredumps:${halfway}`], missing: 1, copied: 0, scanned: 2, done: true });
    expect(await rowVisibility("coredumps", lost)).toBe("public");
    expect(await rowVisibility("coredumps", halfway)).toBe("private");
    expect(await bytesAt(`private/cas/${moved}`)).toEqual(bytes);
  });

  it("walks the tables by rowid with its cursor in D1, within the row budget of each invocation", async () => {
    const dumps = [];
    for (let i = 0; i < 4; i++) dumps.push(await coredumpRow((await publicBlob(64)).hash));
    const artifacts = [];
    for (let i = 0; i < 2; i++) artifacts.push(await firmwareArtifactRow((await publicBlob(64)).hash, i === 0 ? "private" : "public"));

    const steps = [];
    for (let i = 0; i < 6; i++) {
      const result = await moveVisibility(env, step({ maxObjects: 3 }));
      steps.push(result);
      if (result.done) break;
    }

    expect(steps.map((s) => s.cursor)).toEqual([`coredumps:${dumps[2]}`, `firmware_artifacts:${artifacts[1]}`, null]);
    expect(steps.map((s) => s.scanned)).toEqual([3, 3, 0]);
    expect(steps.map((s) => s.moved.length)).toEqual([3, 2, 0]);
    expect(steps.at(-1)!.pass).toMatchObject({ scanned: 6, deleted: 5, kept: 1 });
    expect(await env.DB.prepare("SELECT COUNT(*) AS n FROM coredumps WHERE blob_visibility = 'public'").first()).toEqual({ n: 0 });
  });

  it("on a dry run, lists the rows that would move and writes nothing, its cursor handed back", async () => {
    const { hash } = await publicBlob();
    const first = await coredumpRow(hash);
    const second = await coredumpRow(hash);

    const page = await moveVisibility(env, step({ dryRun: true, maxObjects: 1 }));
    const rest = await moveVisibility(env, step({ dryRun: true, cursor: page.cursor }));

    expect(page).toMatchObject({ dry_run: true, moved: [`coredumps:${first}`], cursor: `coredumps:${first}`, done: false, pass: null });
    expect(rest).toMatchObject({ moved: [`coredumps:${second}`], done: true });
    expect(await rowVisibility("coredumps", first)).toBe("public");
    expect(await exists(`private/cas/${hash}`)).toBe(false);
    expect(await env.DB.prepare("SELECT * FROM housekeeping_passes").all()).toMatchObject({ results: [] });
  });
});
