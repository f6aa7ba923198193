import { SELF } from "cloudflare:test";
import { ORIGIN, randomBytes } from "./blobs";

export const API_TOKEN = "test-api-token";

/** Calls the REST API through the worker's front door with the API token. */
export function api(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
  const { json, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (!headers.has("Authorization")) headers.set("Authorization", `Bearer ${API_TOKEN}`);
  if (json !== undefined) headers.set("Content-Type", "application/json");
  return SELF.fetch(`${ORIGIN}/api${path}`, { ...rest, headers, body: json !== undefined ? JSON.stringify(json) : rest.body });
}

export async function createPart(name = "Resistor 10k"): Promise<{ key: string }> {
  const res = await api("/parts", { method: "POST", json: { name } });
  if (res.status !== 201) throw new Error(`create part: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Raw-body upload; Content-Length is set because an in-process Request gains it only on the wire. */
export function upload(key: string, bytes: Uint8Array, opts: { type?: string; filename?: string; sha256?: string; title?: string } = {}) {
  const query = new URLSearchParams();
  if (opts.filename) query.set("filename", opts.filename);
  if (opts.title) query.set("title", opts.title);
  const headers: Record<string, string> = { "Content-Length": String(bytes.length) };
  if (opts.type) headers["Content-Type"] = opts.type;
  if (opts.sha256) headers["X-Content-SHA256"] = opts.sha256;
  return api(`/parts/${key}/attachments?${query}`, { method: "POST", body: bytes, headers });
}

export interface AttachmentJson {
  id: number;
  part_key: string;
  attachment_type: string;
  title: string;
  filename: string | null;
  content_type: string | null;
  size: number | null;
  url: string | null;
  download_url: string | null;
  view_url: string | null;
  thumbnail_url: string | null;
  thumbnail_srcset: string | null;
}

/** Bytes that start like a real PNG / JPEG / PDF, followed by random noise so each call is a new blob. */
export function pngBytes(size = 200): Uint8Array {
  return withSignature([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], size);
}
export function jpegBytes(size = 200): Uint8Array {
  return withSignature([0xff, 0xd8, 0xff, 0xe0], size);
}
export function pdfBytes(size = 200): Uint8Array {
  return withSignature([...new TextEncoder().encode("%PDF-1.7\n")], size);
}
function withSignature(signature: number[], size: number): Uint8Array {
  const bytes = randomBytes(size);
  bytes.set(signature);
  return bytes;
}
