import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { admin, resetStore } from "../support/housekeeping";

interface Status {
  pass: { scanned: number; finished_at: string | null; cursor: string | null } | null;
  running: boolean;
}

const status = async (task: string): Promise<Status> => (await admin(task)).json() as Promise<Status>;

/** What a console watching a pass reads every second: where it stands, its cursor, and whether a step holds it now. */
describe("GET /api/admin/gc, /visibility and /migration/cleanup", () => {
  beforeEach(resetStore);

  it("say a finished pass is not running and has no cursor left", async () => {
    expect((await admin("/gc?dry_run=false", "POST")).status).toBe(200);
    const gc = await status("/gc");
    expect(gc.running).toBe(false);
    expect(gc.pass).toMatchObject({ cursor: null });
    expect(gc.pass?.finished_at).not.toBeNull();
  });

  it.each(["gc", "visibility", "cleanup"])("%s: a step holding the lease is running, and the pass's cursor is where it will resume", async (task) => {
    const path = task === "cleanup" ? "/migration/cleanup" : `/${task}`;
    await env.DB.prepare(
      `INSERT INTO housekeeping_passes (task, cursor, mark_at, cutoff_at, scanned, finished_at, held_by, held_until)
       VALUES (?1, 'cas/abc', ?2, 0, 1000, NULL, 'a-step', ?3)
       ON CONFLICT (task) DO UPDATE SET cursor = excluded.cursor, mark_at = excluded.mark_at, scanned = 1000,
         finished_at = NULL, held_by = excluded.held_by, held_until = excluded.held_until`,
    )
      .bind(task, Date.now(), Date.now() + 60_000)
      .run();
    const held = await status(path);
    expect(held.running).toBe(true);
    expect(held.pass).toMatchObject({ scanned: 1000, cursor: "cas/abc", finished_at: null });

    // A lease past its time is a crashed step: not running, whatever held_by still says.
    await env.DB.prepare("UPDATE housekeeping_passes SET held_until = ?2 WHERE task = ?1")
      .bind(task, Date.now() - 1)
      .run();
    expect((await status(path)).running).toBe(false);
  });
});
