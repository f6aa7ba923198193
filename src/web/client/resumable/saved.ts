import { type FileIdentity, findSaved, keepSaved, parseSaved, type SavedUpload, sameFile } from "./plan";

const KEY = "cas-edge.uploads";

/**
 * Unfinished uploads, kept in localStorage. sessionStorage would survive a
 * reload too, but not a closed tab, a crash or a second tab, while the
 * worker keeps a session for a day; and a record is no secret: a session id
 * answers only the token that started it, which stays in sessionStorage.
 * IndexedDB would add nothing for a handful of small records.
 */
function read(): SavedUpload[] {
  try {
    return keepSaved(parseSaved(localStorage.getItem(KEY)), Date.now());
  } catch {
    return [];
  }
}

function write(saved: SavedUpload[]): void {
  try {
    if (saved.length === 0) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, JSON.stringify(saved));
  } catch {
    // Storage full or turned off: the upload goes on, it just cannot resume after a reload.
  }
}

export const savedUploads = {
  all: read,
  find: (file: FileIdentity) => findSaved(read(), file),
  /** Keeps (or refreshes) the record for its file, newest first. */
  keep: (record: SavedUpload) => write([record, ...read().filter((s) => !sameFile(s, record))]),
  forget: (file: FileIdentity) => write(read().filter((s) => !sameFile(s, file))),
};
