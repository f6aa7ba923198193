import { h } from "./dom";
import { formatBytes } from "./format";

/** A file's line in the upload list: name, size, one progress bar, its status and, for a resumed upload, a note. */
export interface Row {
  progress: HTMLProgressElement;
  status: HTMLElement;
  /** Says what the upload continued from or started over after (resumable uploads). */
  note: HTMLElement;
  item: HTMLLIElement;
}

export function row(file: File): Row {
  const progress = h("progress", { max: 100, value: 0, "aria-label": `Progress of ${file.name}` });
  const status = h("span", { class: "upload-status" }, "Waiting…");
  const note = h("span", { class: "upload-note" });
  const item = h(
    "li",
    { class: "upload" },
    h("span", { class: "upload-name" }, file.name),
    h("span", { class: "upload-size" }, formatBytes(file.size)),
    progress,
    status,
    note,
  );
  return { progress, status, note, item };
}

export function show(r: Row, text: string, state: "busy" | "done" | "error" = "busy"): void {
  r.status.textContent = text;
  r.item.dataset.state = state;
}
