/**
 * The client side of /api/uploads: create (or resume) a session, send the
 * parts the server lacks, complete. Retries what is transient: network
 * errors, 503s (including the plain-text "Your worker restarted
 * mid-request" that wrangler dev's local proxy sends after a long streamed
 * body; production never does), and 409s that carry Retry-After (a part
 * still held by an earlier, interrupted request).
 */
import { open } from "node:fs/promises";
import { noteBookmark, withBookmark } from "./d1-bookmark.ts";

export interface Session {
  id: string;
  sha256: string;
  size: number;
  part_size: number;
  part_count: number;
  status: "open" | "completed" | "failed";
  parts_received: number;
  next_part: number | null;
  next_part_size: number | null;
  failure: string | null;
  url: string | null;
}

export class UploadFailed extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

export interface Client {
  base: string;
  token: string;
  /** Called as bytes are handed to the connection (with the bytes of the file sent so far) and when a part is stored. */
  onProgress?: (bytes: number, session: Session, partStored: boolean) => void;
  log: (line: string) => void;
}

const MAX_ATTEMPTS = 8;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One request, retried while the failure is transient; any other answer is returned as is. */
async function request(client: Client, path: string, init: () => RequestInit): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    let res: Response | undefined;
    let problem: string;
    try {
      const req = init();
      res = await fetch(`${client.base}${path}`, {
        ...req,
        headers: withBookmark({ Authorization: `Bearer ${client.token}`, ...(req.headers as Record<string, string>) }),
      });
      noteBookmark(res);
      const retryAfter = res.headers.get("Retry-After");
      if (res.status !== 503 && !(res.status === 409 && retryAfter)) return res;
      problem = `${res.status} ${(await res.text()).slice(0, 120).replace(/\s+/g, " ")}`;
      if (retryAfter && attempt < MAX_ATTEMPTS) {
        client.log(`${problem}; retrying in ${retryAfter} s`);
        await sleep(Number(retryAfter) * 1000);
        continue;
      }
    } catch (err) {
      problem = err instanceof Error ? `${err.message}${err.cause instanceof Error ? ` (${err.cause.message})` : ""}` : String(err);
    }
    if (attempt >= MAX_ATTEMPTS) throw new UploadFailed(`${path}: giving up after ${attempt} attempts: ${problem}`, 1);
    const wait = Math.min(500 * 2 ** (attempt - 1), 8000);
    client.log(`${path}: ${problem}; retrying in ${(wait / 1000).toFixed(1)} s`);
    await sleep(wait);
  }
}

async function json<T>(res: Response, what: string): Promise<T> {
  if (res.ok) return (await res.json()) as T;
  const body = await res.text();
  let detail = body;
  try {
    detail = (JSON.parse(body) as { detail?: string }).detail ?? body;
  } catch {}
  throw new UploadFailed(`${what}: ${res.status} ${detail}`, res.status === 400 ? 3 : 1);
}

export type Started = { kind: "stored"; url: string } | { kind: "session"; session: Session };

export async function createSession(
  client: Client,
  input: { sha256: string; size: number; contentType?: string; partSize?: number },
): Promise<Started> {
  const res = await request(client, "/api/uploads", () => ({
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ sha256: input.sha256, size: input.size, content_type: input.contentType, part_size: input.partSize }),
  }));
  if (res.status === 200) return { kind: "stored", url: ((await res.json()) as { url: string }).url };
  return { kind: "session", session: await json<Session>(res, "create upload") };
}

/** The session's state, or null when the server no longer has it (expired, swept, aborted). */
export async function fetchSession(client: Client, id: string): Promise<Session | null> {
  const res = await request(client, `/api/uploads/${id}`, () => ({}));
  if (res.status === 404 || res.status === 410) return null;
  return json<Session>(res, "upload state");
}

/** A part as a stream of 256 KiB chunks, counted as the connection pulls them. */
function partBody(bytes: Buffer, onPulled: (pulled: number) => void): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      const chunk = bytes.subarray(offset, offset + 256 * 1024);
      offset += chunk.length;
      onPulled(offset);
      controller.enqueue(chunk);
    },
  });
}

/** Sends every part the server lacks, in order, re-reading the server's state whenever it disagrees. */
export async function sendParts(client: Client, file: string, start: Session): Promise<Session> {
  const handle = await open(file, "r");
  try {
    let session = start;
    while (session.status === "open" && session.next_part !== null) {
      const n = session.next_part;
      const length = session.next_part_size!;
      const bytes = Buffer.alloc(length);
      const { bytesRead } = await handle.read(bytes, 0, length, (n - 1) * session.part_size);
      if (bytesRead !== length) throw new UploadFailed(`${file} is shorter than when it was hashed`, 3);
      const res = await request(client, `/api/uploads/${session.id}/parts/${n}`, () => ({
        method: "PUT",
        headers: { "Content-Type": "application/octet-stream", "Content-Length": String(length) },
        body: partBody(bytes, (pulled) => client.onProgress?.((n - 1) * session.part_size + pulled, session, false)),
        duplex: "half",
      }));
      if (res.status === 409) {
        // Out of order, or taken over by another request: the server's state decides what comes next.
        client.log(`part ${n}: ${(await res.text()).slice(0, 200)}; asking the server where to resume`);
        const current = await fetchSession(client, session.id);
        if (!current) throw new UploadFailed("the upload session is gone", 1);
        session = current;
        continue;
      }
      session = await json<Session>(res, `part ${n}`);
      client.onProgress?.(Math.min(session.size, session.parts_received * session.part_size), session, true);
    }
    return session;
  } finally {
    await handle.close();
  }
}

export async function completeSession(client: Client, id: string): Promise<string> {
  const res = await request(client, `/api/uploads/${id}/complete`, () => ({ method: "POST" }));
  return (await json<Session>(res, "complete")).url!;
}
