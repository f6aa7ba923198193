import { ApiError, type Attachment, api, limits, uploadBytes } from "./api";
import { h } from "./dom";
import { formatBytes } from "./format";
import { sha256Hex } from "./hash";
import { resumableThreshold } from "./resumable/plan";
import { savedUploads } from "./resumable/saved";
import { type Row, row, show } from "./upload-row";

/** Two files at a time: enough to overlap hashing with sending without starving either. */
const PARALLEL = 2;

/**
 * Whether the store has these bytes: no byte of the file is spent asking. A
 * token without cas:write may not ask (403): the file is then sent, and the
 * worker dedups it anyway.
 */
async function isStored(hash: string): Promise<boolean> {
  try {
    return (await api.exists([hash])).present.includes(hash);
  } catch (err) {
    if (err instanceof ApiError && err.status === 403) return false;
    throw err;
  }
}

/**
 * One file. Over the resumable threshold (64 MB, or less when the worker
 * takes less in one request) it goes through /api/uploads, whose code loads
 * only then. Otherwise: hash it, attach the stored blob by hash (no body) if
 * the store has it, else send the bytes in one request with progress.
 */
async function send(key: string, file: File, r: Row): Promise<Attachment> {
  const found = await limits();
  if (file.size > resumableThreshold(found?.bodies ?? null)) {
    show(r, "Loading…");
    const { sendResumable } = await import("./resumable/index");
    return sendResumable(key, file, r, found);
  }
  show(r, "Hashing…");
  const hash = await sha256Hex(file, (f) => show(r, `Hashing… ${Math.round(f * 100)}%`));
  if (await isStored(hash)) {
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
  const unfinished = savedUploads.all();
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
    unfinished.length > 0
      ? h(
          "p",
          { class: "unfinished muted" },
          `Unfinished: ${unfinished.map((u) => `${u.name} (${formatBytes(u.size)})`).join(", ")}. Choose the same file again to continue where it stopped.`,
        )
      : null,
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
