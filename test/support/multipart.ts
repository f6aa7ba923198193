import { ORIGIN } from "./blobs";

export interface FormPart {
  name: string;
  filename?: string;
  type?: string;
  data: Uint8Array | string;
}

/**
 * A multipart/form-data body written byte by byte, so tests choose the order
 * of parts and how (or whether) the body ends, as a real client might.
 */
export function formBody(parts: FormPart[], options: { boundary?: string; ending?: string } = {}): { body: Uint8Array; type: string } {
  const boundary = options.boundary ?? `----cas-edge-${crypto.randomUUID()}`;
  const enc = new TextEncoder();
  const chunks: Uint8Array[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename !== undefined ? `; filename="${part.filename}"` : ""}`;
    const type = part.type ? `\r\nContent-Type: ${part.type}` : "";
    chunks.push(enc.encode(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`));
    chunks.push(typeof part.data === "string" ? enc.encode(part.data) : part.data);
    chunks.push(enc.encode("\r\n"));
  }
  chunks.push(enc.encode(options.ending ?? `--${boundary}--\r\n`));
  const size = chunks.reduce((n, c) => n + c.length, 0);
  const body = new Uint8Array(size);
  chunks.reduce((offset, c) => (body.set(c, offset), offset + c.length), 0);
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

export function formRequest(key: string, form: { body: Uint8Array | ReadableStream; type: string }, length?: number): Request {
  const size = length ?? (form.body instanceof Uint8Array ? form.body.length : 0);
  return new Request(`${ORIGIN}/api/parts/${key}/attachments`, {
    method: "POST",
    body: form.body,
    headers: { Authorization: "Bearer test-api-token", "Content-Type": form.type, "Content-Length": String(size) },
  });
}
