import type { components } from "../../../api-types.gen";
import { client, must } from "../api-client";
import { announce, fill, h } from "../dom";
import type { SectionContext } from "./context";

type ModeView = components["schemas"]["Mode"];
type StorageMode = ModeView["mode"];

/** What each mode refuses (src/access/mode.ts `allows`): reads and operator settings are never refused. */
const REFUSES: Record<StorageMode, string> = {
  edit: "refuses nothing: uploads, edits and deletes all work",
  rw: "refuses deletes; uploads and edits work",
  ro: "refuses uploads, edits and deletes; only reads work",
};

function question(target: StorageMode | null, view: ModeView): string {
  const lag = `Other worker instances follow within ${view.cache_seconds} s.`;
  if (target === null) {
    return `Go back to the STORAGE_MODE setting ("${view.configured}")? The store then ${REFUSES[view.configured]}. ${lag}`;
  }
  return `Switch the store to "${target}"? It then ${REFUSES[target]}. ${lag}`;
}

/**
 * The storage mode in force and where it comes from (a runtime switch kept in
 * D1, or the STORAGE_MODE var), and the switch. A switch asks first, saying
 * what the new mode refuses, then reads /api/whoami again so the banner on
 * every page shows the new mode.
 */
export function render(ctx: SectionContext): HTMLElement {
  const body = h("div", { class: "mode-body" });

  async function change(target: StorageMode | null, view: ModeView): Promise<void> {
    if (!confirm(question(target, view))) return;
    try {
      const next = await must(client.PUT("/api/admin/mode", { body: { mode: target } }));
      await ctx.refresh();
      draw(next);
      announce(`The store is now in "${next.mode}" mode (${next.source === "runtime" ? "runtime switch" : "STORAGE_MODE"}).`, "info");
    } catch (err) {
      announce((err as Error).message);
    }
  }

  function option(target: StorageMode | null, view: ModeView): HTMLLIElement {
    const current = target === null ? view.source === "STORAGE_MODE" : view.source === "runtime" && view.mode === target;
    const label = target === null ? `Back to STORAGE_MODE (${view.configured})` : `Switch to ${target}`;
    const b = h("button", { type: "button", disabled: current }, label);
    b.addEventListener("click", () => void change(target, view));
    const says = target === null ? `Whatever STORAGE_MODE sets: now "${view.configured}".` : `The store ${REFUSES[target]}.`;
    return h("li", { class: current ? "current" : null }, b, h("span", { class: "muted" }, current ? `In force. ${says}` : says));
  }

  function draw(view: ModeView): void {
    const source =
      view.source === "runtime"
        ? `switched at runtime by an operator (STORAGE_MODE says "${view.configured}")`
        : "set by the STORAGE_MODE var (no runtime switch)";
    fill(
      body,
      h(
        "p",
        { class: `mode-now mode-${view.mode}` },
        "The store is in ",
        h("strong", { "data-mode": view.mode }, view.mode),
        ` mode, ${source}. It ${REFUSES[view.mode]}.`,
      ),
      h("h2", {}, "Switch"),
      h(
        "ul",
        { class: "mode-options" },
        (["edit", "rw", "ro"] as const).map((m) => option(m, view)),
        option(null, view),
      ),
    );
  }

  must(client.GET("/api/admin/mode"))
    .then(draw)
    .catch((err) => announce((err as Error).message));
  return h("section", { class: "console mode-section" }, h("h1", { tabindex: -1 }, "Storage mode"), body);
}
