/**
 * The client side of /api/uploads: create (or resume) a session, send the
 * parts the server lacks, complete. Retries what is transient: network
 * errors, 503s (including the plain-text "Your worker restarted
 * mid-request" that wrangler dev's local proxy sends after a long streamed
 * body; production never does), and 409s that carry Retry-After (a part
 * still held by an earlier, interrupted request).
 */
import { open } from "node:fs/promises";
import createClient from "openapi-fetch";
import type { paths } from "../../src/api-types.gen.ts";
import type { Schemas } from "./api-client.ts";
import { noteBookmark, withBookmark } from "./d1-bookmark.ts";

/** The worker's upload session, as its OpenAPI document describes it (src/api-types.gen.ts). */
export type Session = Schemas["Upload"];

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

/**
 * One request, retried while the failure is transient; any other answer is returned as is.
 * `make` builds the request afresh for each attempt: a body already sent cannot be sent again.
 */
async function request(client: Client, path: string, make: () => Request): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    let res: Response | undefined;
    let problem: string;
    try {
      const req = make();
      const headers = withBookmark(req.headers);
      headers.set("Authorization", `Bearer ${client.token}`);
      res = await fetch(new Request(req, { headers, duplex: "half" } as RequestInit));
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

/**
 * The session calls without a body of bytes (create, state, complete), typed
 * from the worker's OpenAPI document through openapi-fetch. Its requests go
 * through the retrying transport above; their JSON bodies are small, so each
 * attempt sends a fresh copy of the one openapi-fetch built.
 */
function api(client: Client) {
  return createClient<paths, "application/json">({
    baseUrl: client.base,
    fetch: (req: Request) => request(client, new URL(req.url).pathname, () => req.clone()),
  });
}

/** The answer of a call that succeeded, else UploadFailed with the problem's detail (exit 3 for a 400: the input is wrong). */
function must<T>(answer: { data?: T; error?: unknown; response: Response }, what: string): T {
  const { response, error } = answer;
  if (response.ok) return answer.data as T;
  const detail =
    typeof error === "string" ? error : error && typeof error === "object" && "detail" in error ? String(error.detail) : JSON.stringify(error);
  throw new UploadFailed(`${what}: ${response.status} ${detail}`, response.status === 400 ? 3 : 1);
}

/** A refused answer's body: its problem+json, or its text. */
async function problem(res: Response): Promise<unknown> {
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export type Started = { kind: "stored"; url: string } | { kind: "session"; session: Session };

export async function createSession(
  client: Client,
  input: { sha256: string; size: number; contentType?: string; partSize?: number },
): Promise<Started> {
  const answer = await api(client).POST("/api/uploads", {
    body: { sha256: input.sha256, size: input.size, content_type: input.contentType, part_size: input.partSize },
  });
  const created = must(answer, "create upload");
  // 200: the blob is stored already (UploadExisting); 201: a session to send parts to.
  return answer.response.status === 200 ? { kind: "stored", url: created.url! } : { kind: "session", session: created as Session };
}

/** The session's state, or null when the server no longer has it (expired, swept, aborted). */
export async function fetchSession(client: Client, id: string): Promise<Session | null> {
  const answer = await api(client).GET("/api/uploads/{id}", { params: { path: { id } } });
  if (answer.response.status === 404 || answer.response.status === 410) return null;
  return must(answer, "upload state");
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
      // The part's bytes go as a stream counted as the connection pulls it (progress), built again for each attempt;
      // the answer is typed like the other calls' (Session, from the OpenAPI document).
      const path = `/api/uploads/${session.id}/parts/${n}`;
      const res = await request(
        client,
        path,
        () =>
          new Request(`${client.base}${path}`, {
            method: "PUT",
            headers: { "Content-Type": "application/octet-stream", "Content-Length": String(length) },
            body: partBody(bytes, (pulled) => client.onProgress?.((n - 1) * session.part_size + pulled, session, false)),
            duplex: "half",
          } as RequestInit),
      );
      if (res.status === 409) {
        // Out of order, or taken over by another request: the server's state decides what comes next.
        client.log(`part ${n}: ${(await res.text()).slice(0, 200)}; asking the server where to resume`);
        const current = await fetchSession(client, session.id);
        if (!current) throw new UploadFailed("the upload session is gone", 1);
        session = current;
        continue;
      }
      session = res.ok ? ((await res.json()) as Session) : must<Session>({ error: await problem(res), response: res }, `part ${n}`);
      client.onProgress?.(Math.min(session.size, session.parts_received * session.part_size), session, true);
    }
    return session;
  } finally {
    await handle.close();
  }
}

export async function completeSession(client: Client, id: string): Promise<string> {
  return must(await api(client).POST("/api/uploads/{id}/complete", { params: { path: { id } } }), "complete").url!;
}
