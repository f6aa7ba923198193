import { h } from "./dom";
import type { Whoami } from "./whoami";

const REFUSES: Record<string, string> = {
  ro: "read-only: uploads, edits and deletes are refused",
  rw: "in rw mode: deletes are refused",
};

/** A line over every page while the store refuses something (ro or rw); nothing in edit mode. */
export function modeBanner(mode: Whoami["mode"]): HTMLElement | null {
  const refuses = REFUSES[mode.mode];
  if (!refuses) return null;
  const where = mode.source === "runtime" ? "switched by an operator" : "set by STORAGE_MODE";
  return h("p", { class: `mode-banner mode-${mode.mode}`, role: "status" }, `The store is ${refuses} (${where}).`);
}
