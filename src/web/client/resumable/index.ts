/**
 * Big files from the parts page through /api/uploads (loaded only when one
 * is chosen): hashed in a worker thread, sent part by part with retries,
 * pausable, and resumable after a reload when the same file is chosen again.
 * The attachment is then made from the stored blob by its hash.
 */
import { ApiError, type Attachment, api, type Limits } from "../api";
import { formatBytes } from "../format";
import { type Row, show } from "../upload-row";
import { may, whoami } from "../whoami";
import { Meter, PauseControl } from "./controls";
import { sha256InWorker } from "./hash";
import { choosePartSize, resumableThreshold, type SavedUpload } from "./plan";
import { savedUploads } from "./saved";
import { completeUpload, createUpload, SessionGone, sendParts, type Upload, uploadState } from "./session";

/** Said before a byte is sent when the token may not use /api/uploads (the worker's 403 detail after it). */
function needsCasWrite(threshold: number, err: ApiError): ApiError {
  return new ApiError(403, `Files over ${formatBytes(threshold)} need the cas:write scope; nothing was sent. (${err.message})`);
}

/** The bytes' blob exists: attach it. Null when it was collected in between (GC), so it is sent after all. */
async function attachIfStored(key: string, file: File, sha256: string): Promise<Attachment | null> {
  try {
    return await api.attachStored(key, file, sha256);
  } catch (err) {
    if (err instanceof ApiError && err.status === 422) return null;
    throw err;
  }
}

interface Started {
  session: Upload;
  sha256: string;
}

/** A session kept from before (a reload, a dropped connection) that the worker still has, or null. */
async function resumeSaved(saved: SavedUpload, r: Row): Promise<Started | null> {
  show(r, "Asking the server what it has…");
  const session = await uploadState(saved.id, (why, wait) => show(r, `${why} Trying again in ${Math.ceil(wait / 1000)} s…`));
  if (!session || session.status === "failed") {
    r.note.textContent = "The earlier upload of this file is no longer on the server: starting a new one.";
    return null;
  }
  r.note.textContent = `Resuming: ${session.parts_received} of ${session.part_count} parts already sent.`;
  return { session, sha256: saved.sha256 };
}

type Begun = { kind: "attached"; attachment: Attachment } | ({ kind: "session" } & Started);

/** Hashes the file, attaches the blob if the store has it, else opens a session and remembers it. */
async function begin(key: string, file: File, r: Row, limits: Limits | null): Promise<Begun> {
  const threshold = resumableThreshold(limits?.bodies ?? null);
  const partSize = choosePartSize(file.size, limits?.bodies.part);
  if (partSize === null) throw new ApiError(413, `${formatBytes(file.size)} is more than this store takes in one file; nothing was sent.`);
  // The session's grants, when known, answer before the file is even hashed; else the worker's 403 does, still before a byte.
  if (whoami() && !may("cas:write")) {
    throw needsCasWrite(threshold, new ApiError(403, "This token's scopes do not include cas:write."));
  }
  show(r, "Hashing… 0%");
  const sha256 = await sha256InWorker(file, (f) => show(r, `Hashing… ${Math.floor(f * 100)}%`));
  try {
    const { present } = await api.exists([sha256]);
    const attached = present.includes(sha256) ? await attachIfStored(key, file, sha256) : null;
    if (attached) return { kind: "attached", attachment: attached };
    const onRetry = (why: string, wait: number) => show(r, `${why} Trying again in ${Math.ceil(wait / 1000)} s…`);
    const created = await createUpload({ sha256, size: file.size, contentType: file.type, partSize }, onRetry);
    if (created === "stored") {
      const stored = await attachIfStored(key, file, sha256);
      if (stored) return { kind: "attached", attachment: stored };
      throw new ApiError(409, "The stored copy of this file was removed just now; choose the file again.");
    }
    savedUploads.keep({
      id: created.id,
      name: file.name,
      size: file.size,
      lastModified: file.lastModified,
      sha256,
      partSize: created.part_size,
      expiresAt: created.expires_at,
    });
    return { kind: "session", session: created, sha256 };
  } catch (err) {
    if (err instanceof ApiError && err.status === 403) throw needsCasWrite(threshold, err);
    throw err;
  }
}

/** Sends `file` resumably and attaches it to part `key`; the row shows every step. */
export async function sendResumable(key: string, file: File, r: Row, limits: Limits | null): Promise<Attachment> {
  const saved = savedUploads.find(file);
  let started = saved ? await resumeSaved(saved, r) : null;
  if (saved && !started) savedUploads.forget(file);
  // One fresh start at most: a session lost again is reported, not chased.
  for (let fresh = !started; ; fresh = true) {
    if (!started) {
      const begun = await begin(key, file, r, limits);
      if (begun.kind === "attached") {
        r.progress.value = 100;
        show(r, "Already stored: attached without uploading", "done");
        return begun.attachment;
      }
      started = begun;
    }
    const meter = new Meter(r, file.size);
    const control = new PauseControl(file.name, () => meter.hold("Paused"));
    r.item.append(control.button);
    try {
      let session = await sendParts(file, started.session, control, meter);
      control.remove();
      if (session.status !== "completed") {
        show(r, "Checking the file's hash on the server…");
        session = await completeUpload(session.id, (why, wait) => show(r, `${why} Trying again in ${Math.ceil(wait / 1000)} s…`));
      }
      savedUploads.forget(file);
      const attached = await api.attachStored(key, file, started.sha256);
      r.progress.value = 100;
      show(r, "Uploaded", "done");
      return attached;
    } catch (err) {
      control.remove();
      // A digest mismatch closes the session: the file changed since it was hashed. Start over next time.
      if (err instanceof ApiError && err.status === 400) savedUploads.forget(file);
      if (!(err instanceof SessionGone) || fresh) throw withResumeHint(err, file);
      savedUploads.forget(file);
      r.note.textContent = `${err.message} Starting a new one.`;
      started = null;
    }
  }
}

/** A failure that left the session open says how to continue it. */
function withResumeHint(err: unknown, file: File): unknown {
  if (err instanceof ApiError && err.status === 0 && savedUploads.find(file)) {
    return new ApiError(0, `${err.message} Choose the file again to resume where it stopped.`);
  }
  return err;
}
