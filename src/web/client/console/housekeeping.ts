import { client, must } from "../api-client";
import { announce, h } from "../dom";
import type { SectionContext } from "./context";
import { type PassTask, passCard, type StepQuery } from "./pass-card";

const lastRuns = (action: string) => async () => (await must(client.GET("/api/admin/audit", { params: { query: { action, limit: 5 } } }))).entries;

const TASKS: PassTask[] = [
  {
    id: "gc",
    title: "Garbage collection",
    deletes: "every blob in cas/ and private/cas/ that no row names and nothing claimed within the grace period (24 hours)",
    status: () => must(client.GET("/api/admin/gc")),
    step: (query: StepQuery) => must(client.POST("/api/admin/gc", { params: { query } })),
    lastRuns: lastRuns("gc.run"),
  },
  {
    id: "cleanup",
    title: "Legacy cleanup",
    deletes: "each legacy object under parts/ whose row is migrated to a blob of the same size",
    status: () => must(client.GET("/api/admin/migration/cleanup")),
    step: (query: StepQuery) => must(client.POST("/api/admin/migration/cleanup", { params: { query } })),
    lastRuns: lastRuns("migration.cleanup"),
  },
  {
    id: "visibility",
    title: "Visibility",
    deletes: "the public or private copy of each blob that no row reads any more, once its rows are moved to the other",
    status: () => must(client.GET("/api/admin/visibility")),
    step: (query: StepQuery) => must(client.POST("/api/admin/visibility", { params: { query } })),
    lastRuns: lastRuns("visibility.run"),
  },
];

function migrationSummary(): HTMLElement {
  const body = h("dl", { class: "facts" });
  const section = h("section", { class: "pass", "aria-labelledby": "migration-heading" }, h("h2", { id: "migration-heading" }, "Migration"), body);
  void must(client.GET("/api/admin/migration"))
    .then((m) => {
      const pairs: Array<[string, string]> = [
        ["Pending", m.pending.toLocaleString()],
        ["Migrated", m.migrated.toLocaleString()],
        ["Failed", m.failed.toLocaleString()],
        ["Legacy rows", m.total_legacy.toLocaleString()],
        ["State", m.done ? "Done: nothing pending or failed" : m.lease ? "A batch is running" : "Not done"],
        [
          "Last batch",
          m.last_run ? `${new Date(m.last_run.finished_at).toLocaleString()}: ${m.last_run.migrated} migrated, ${m.last_run.failed} failed` : "none",
        ],
      ];
      body.replaceChildren(...pairs.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
    })
    .catch((err: Error) => announce(err.message));
  return section;
}

/** The admin's housekeeping: migration counts, and the cleanup, GC and visibility passes run and watched from here. */
export function render(ctx: SectionContext): HTMLElement {
  return h(
    "div",
    { class: "console" },
    h("h1", { tabindex: -1 }, "Housekeeping"),
    migrationSummary(),
    TASKS.map((task) => passCard(task, ctx.may("admin"))),
  );
}
