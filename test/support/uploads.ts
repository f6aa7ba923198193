import { SELF } from "cloudflare:test";
import { ORIGIN, sha256, WRITE_TOKEN } from "./blobs";

export const MiB = 1024 * 1024;
/** The smallest part R2 accepts, so tests move as few bytes as a real multipart upload allows. */
export const PART = 5 * MiB;

export interface UploadJson {
  id: string;
  sha256: string;
  size: number;
  content_type: string | null;
  part_size: number;
  part_count: number;
  status: "open" | "completed" | "failed";
  parts_received: number;
  next_part: number | null;
  next_part_size: number | null;
  bytes_received: number;
  expires_at: string;
  failure: string | null;
  url: string | null;
}

export function uploadsRequest(path: string, init: RequestInit = {}): Request {
  const headers = new Headers(init.headers);
  if (!headers.has("Authorization")) headers.set("Authorization", `Bearer ${WRITE_TOKEN}`);
  return new Request(`${ORIGIN}/api/uploads${path}`, { ...init, headers });
}

export function uploads(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
  const { json, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (json !== undefined) headers.set("Content-Type", "application/json");
  return SELF.fetch(uploadsRequest(path, { ...rest, headers, body: json !== undefined ? JSON.stringify(json) : rest.body }));
}

/** Starts an upload session for `bytes` (or for a declared hash that is not theirs). */
export async function createUpload(
  bytes: Uint8Array,
  extra: { sha256?: string; content_type?: string; part_size?: number } = {},
): Promise<UploadJson> {
  const res = await uploads("", { method: "POST", json: { sha256: await sha256(bytes), size: bytes.length, part_size: PART, ...extra } });
  if (res.status !== 201) throw new Error(`create upload: ${res.status} ${await res.text()}`);
  return res.json();
}

/** The bytes of part n (1-based). */
export function partOf(bytes: Uint8Array, n: number, partSize = PART): Uint8Array {
  return bytes.subarray((n - 1) * partSize, n * partSize);
}

/** A part PUT; Content-Length is set because an in-process Request gains it only on the wire. */
export function partRequest(id: string, n: number, body: Uint8Array, contentLength = body.length): Request {
  return uploadsRequest(`/${id}/parts/${n}`, { method: "PUT", body, headers: { "Content-Length": String(contentLength) } });
}

export function putPart(id: string, n: number, body: Uint8Array, contentLength = body.length): Promise<Response> {
  return SELF.fetch(partRequest(id, n, body, contentLength));
}

export async function putAllParts(session: UploadJson, bytes: Uint8Array): Promise<void> {
  for (let n = 1; n <= session.part_count; n++) {
    const res = await putPart(session.id, n, partOf(bytes, n, session.part_size));
    if (res.status !== 200) throw new Error(`part ${n}: ${res.status} ${await res.text()}`);
  }
}

export function complete(id: string): Promise<Response> {
  return uploads(`/${id}/complete`, { method: "POST" });
}

export async function session(id: string): Promise<UploadJson> {
  const res = await uploads(`/${id}`);
  if (res.status !== 200) throw new Error(`get upload: ${res.status} ${await res.text()}`);
  return res.json();
}
