import { ApiError, type Attachment, api, limits, uploadBytes } from "./api";
import { h } from "./dom";
import { formatBytes } from "./format";
import { sha256Hex } from "./hash";

/** Two files at a time: enough to overlap hashing with sending without starving either. */
const PARALLEL = 2;

interface Row {
  progress: HTMLProgressElement;
  status: HTMLElement;
  item: HTMLLIElement;
}

function row(file: File): Row {
  const progress = h("progress", { max: 100, value: 0, "aria-label": `Progress of ${file.name}` });
  const status = h("span", { class: "upload-status" }, "Waiting…");
  const item = h(
    "li",
    { class: "upload" },
    h("span", { class: "upload-name" }, file.name),
    h("span", { class: "upload-size" }, formatBytes(file.size)),
    progress,
    status,
  );
  return { progress, status, item };
}

function show(r: Row, text: string, state: "busy" | "done" | "error" = "busy"): void {
  r.status.textContent = text;
  r.item.dataset.state = state;
}

/** Why a file is not sent: it is over the worker's limit (the worker would answer 413 before reading it). */
function tooLarge(size: number, max: number): ApiError {
  return new ApiError(413, `${formatBytes(size)} is more than this store takes in one file (${formatBytes(max)}); nothing was sent.`);
}

/**
 * One file: hash it, ask the store whether it has those bytes, then attach
 * the stored blob by hash (no body), or send the bytes with progress if the
 * worker takes a file that large. The hash and the question cost no byte of
 * the file, and a blob already stored is attached whatever its size.
 */
async function send(key: string, file: File, r: Row): Promise<Attachment> {
  show(r, "Hashing…");
  const hash = await sha256Hex(file, (f) => show(r, `Hashing… ${Math.round(f * 100)}%`));
  const { present } = await api.exists([hash]);
  if (present.includes(hash)) {
    try {
      const attached = await api.attachStored(key, file, hash);
      r.progress.value = 100;
      show(r, "Already stored: attached without uploading", "done");
      return attached;
    } catch (err) {
      // Collected between the two calls (GC): send the bytes after all.
      if (!(err instanceof ApiError && err.status === 422)) throw err;
    }
  }
  const max = (await limits())?.bodies.upload;
  if (max !== undefined && file.size > max) throw tooLarge(file.size, max);
  show(r, "Uploading… 0%");
  const uploaded = await uploadBytes(key, file, hash, (fraction) => {
    r.progress.value = Math.round(fraction * 100);
    show(r, `Uploading… ${Math.round(fraction * 100)}%`);
  });
  r.progress.value = 100;
  show(r, "Uploaded", "done");
  return uploaded;
}

/** Adds a row per file to `list` and works through them; `onAttached` runs after each success. */
export async function uploadFiles(key: string, files: File[], list: HTMLElement, onAttached: (a: Attachment) => void): Promise<void> {
  const queue = files.map((file) => ({ file, row: row(file) }));
  list.append(...queue.map((q) => q.row.item));
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      try {
        onAttached(await send(key, next.file, next.row));
      } catch (err) {
        show(next.row, err instanceof Error ? err.message : String(err), "error");
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, queue.length) }, worker));
}

/** The drop zone and file picker. */
export function uploadPanel(key: string, onAttached: (a: Attachment) => void): HTMLElement {
  // Asked now, so the first file dropped is checked without waiting for them.
  void limits();
  const list = h("ul", { class: "uploads", "aria-live": "polite", "aria-label": "Uploads" });
  const start = (files: FileList | null) => {
    if (files && files.length > 0) void uploadFiles(key, [...files], list, onAttached);
  };
  const input = h("input", { type: "file", id: "file-input", multiple: true });
  input.addEventListener("change", () => {
    start(input.files);
    input.value = "";
  });
  const zone = h(
    "section",
    { class: "dropzone", "aria-labelledby": "upload-heading" },
    h("h2", { id: "upload-heading" }, "Add files"),
    h("p", {}, "Drop files here, or choose them:"),
    h("label", { for: "file-input", class: "visually-hidden" }, "Choose files to upload"),
    input,
    list,
  );
  zone.addEventListener("dragover", (e) => {
    e.preventDefault();
    zone.classList.add("over");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (e) => {
    e.preventDefault();
    zone.classList.remove("over");
    start(e.dataTransfer?.files ?? null);
  });
  return zone;
}
