import type { components } from "../../../api-types.gen";
import { announce, clearAnnouncement, h } from "../dom";
import { confirmAction } from "./confirm";
import { table, when } from "./pager";

type PassStatus = components["schemas"]["PassStatus"] & { blocked_by?: string | null };
type PassStep = components["schemas"]["CleanupProgress"] | components["schemas"]["GcProgress"] | components["schemas"]["VisibilityProgress"];
type AuditEntry = components["schemas"]["AuditEntry"];
export type StepQuery = { dry_run: "true" | "false"; cursor?: string; budget_ms: number };

export interface PassTask {
  id: string;
  title: string;
  /** What a real pass deletes, said in the confirmation. */
  deletes: string;
  status(): Promise<PassStatus>;
  step(query: StepQuery): Promise<PassStep>;
  /** The pass's last runs: its rows in the audit trail, newest first. */
  lastRuns(): Promise<AuditEntry[]>;
}

/** Short steps, so the page hears about progress between them too; the worker saves the cursor after every page anyway. */
const STEP_BUDGET_MS = 5_000;
const POLL_MS = 1_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function figures(pairs: Array<[string, string | number | Node]>): HTMLDListElement {
  return h(
    "dl",
    { class: "facts" },
    pairs.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, typeof v === "number" ? v.toLocaleString() : v)]),
  );
}

function runRow(e: AuditEntry): HTMLTableRowElement {
  const d = (e.detail ?? {}) as Record<string, unknown>;
  const outcome = e.error ? `${e.status ?? ""} ${e.error}`.trim() : String(d.stopped_by ?? e.status ?? "");
  return h(
    "tr",
    {},
    h("td", {}, when(e.at)),
    h("td", {}, e.sub),
    h("td", {}, d.dry_run === true ? "dry run" : d.dry_run === false ? "real" : ""),
    h("td", {}, String(d.scanned ?? "")),
    h("td", {}, String(d.deleted ?? "")),
    h("td", {}, outcome),
  );
}

/**
 * One housekeeping pass (cleanup, GC, visibility): where it stands, a
 * button that runs it to the end one budgeted step after another, and its
 * last runs. While a step holds the pass (this page's or the cron's) the card
 * reads the pass again every second; it stops when the pass is done or the
 * card has left the page. A real pass deletes, so it is confirmed first.
 */
export function passCard(task: PassTask, mayRun: boolean): HTMLElement {
  const headingId = `pass-${task.id}`;
  const state = h("div", { "aria-live": "polite" });
  const dryTotals = h("p", { class: "muted", "aria-live": "polite" });
  const runs = h("tbody");
  const dry = h("input", { type: "checkbox", id: `${task.id}-dry`, checked: true });
  const start = h("button", { type: "button" }, `Start ${task.title.toLowerCase()} pass`);
  const card = h(
    "section",
    { class: "pass", "aria-labelledby": headingId, "data-task": task.id },
    h("h2", { id: headingId }, task.title),
    state,
    mayRun ? h("div", { class: "pass-controls" }, h("label", { for: dry.id }, dry, " Dry run (delete nothing)"), start) : null,
    dryTotals,
    h("h3", {}, "Last runs"),
    table(`Last ${task.title} runs`, ["When", "By", "Kind", "Seen", "Deleted", "Outcome"], runs),
  );
  let driving = false;
  let polling = false;

  const show = (s: PassStatus) => {
    const p = s.pass;
    const phase =
      s.running || driving
        ? "Running"
        : p === null
          ? "Never run"
          : p.finished_at
            ? `Done, finished ${when(p.finished_at)}`
            : "Stopped part-way (resumes at the next step)";
    card.dataset.state = s.running || driving ? "running" : p?.finished_at ? "done" : "idle";
    state.replaceChildren(
      figures([
        ["State", phase],
        ...(p
          ? ([
              ["Started", when(p.started_at)],
              ["Objects seen", p.scanned],
              ["Deleted", p.deleted],
              ["Kept", p.kept],
              ["Cursor", p.cursor ?? "at the end"],
            ] as Array<[string, string | number]>)
          : []),
        ...(s.blocked_by ? ([["Blocked by", s.blocked_by]] as Array<[string, string]>) : []),
      ]),
    );
  };
  const refresh = async () => show(await task.status());
  const refreshRuns = async () => runs.replaceChildren(...(await task.lastRuns()).map(runRow));

  /** Reads the pass every second while a step holds it, until it is done or the card is gone. */
  const watch = async () => {
    if (polling) return;
    polling = true;
    try {
      while (card.isConnected) {
        const s = await task.status();
        show(s);
        if (!driving && !s.running) break;
        await sleep(POLL_MS);
      }
    } catch (err) {
      announce((err as Error).message);
    } finally {
      polling = false;
    }
  };

  const drive = async (dryRun: boolean) => {
    let cursor: string | null = null;
    let seen = 0;
    let deleted = 0;
    for (;;) {
      if (!card.isConnected) return;
      const step: PassStep = await task.step({ dry_run: dryRun ? "true" : "false", budget_ms: STEP_BUDGET_MS, ...(cursor ? { cursor } : {}) });
      seen += step.scanned;
      deleted += step.deleted;
      if (dryRun)
        dryTotals.textContent = `Dry run: ${seen.toLocaleString()} seen, ${deleted.toLocaleString()} would be deleted${step.done ? "; done." : "…"}`;
      if (step.stopped_by === "storage_mode") throw new Error("The storage mode does not allow deleting now: the pass stopped where it was.");
      if (step.done) return;
      cursor = step.cursor;
    }
  };

  start.addEventListener("click", async () => {
    const dryRun = dry.checked;
    if (
      !dryRun &&
      !(await confirmAction(`Run the ${task.title.toLowerCase()} pass?`, `This pass deletes ${task.deletes}. It cannot be undone.`, "Run and delete"))
    )
      return;
    clearAnnouncement();
    start.disabled = true;
    dryTotals.textContent = "";
    driving = !dryRun;
    if (driving) void watch();
    try {
      await drive(dryRun);
      if (card.isConnected) announce(`The ${task.title.toLowerCase()} pass is done.`, "info");
    } catch (err) {
      announce((err as Error).message);
    } finally {
      driving = false;
      start.disabled = false;
      if (card.isConnected) await Promise.all([refresh(), refreshRuns()]).catch((err: Error) => announce(err.message));
    }
  });

  void (async () => {
    try {
      const s = await task.status();
      show(s);
      if (s.running) void watch();
      await refreshRuns();
    } catch (err) {
      announce((err as Error).message);
    }
  })();
  return card;
}
