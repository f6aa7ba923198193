import { createHash, randomBytes } from "node:crypto";
import http from "node:http";

const quieted = new WeakSet<object>();

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** True when the request went out on a connection an earlier request had used. */
  reused: boolean;
}

export interface Send {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | Uint8Array;
  /** Declares this Content-Length but sends only `body`, then ends the socket: a client that gives up mid-upload. */
  cutShortAt?: number;
  timeoutMs?: number;
}

/** One keep-alive connection: every request through this agent reuses the same socket while it stays open. */
export function keepAliveAgent(): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: 1 });
}

/** Sends one request with node:http (a real socket, unlike fetch in the Workers pool) and reads the whole answer. */
export function send(base: string, agent: http.Agent | undefined, req: Send): Promise<Answer> {
  const url = new URL(req.path, base);
  return new Promise((resolve, reject) => {
    // Declared up front so a body cut short is short of something.
    const headers =
      req.body === undefined || req.headers?.["Transfer-Encoding"] ? req.headers : { "Content-Length": String(req.body.length), ...req.headers };
    const request = http.request(url, { method: req.method ?? "GET", headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks), reused: request.reusedSocket }));
      res.on("error", reject);
    });
    request.setTimeout(req.timeoutMs ?? 15_000, () =>
      request.destroy(new Error(`no answer to ${req.method ?? "GET"} ${req.path} within ${req.timeoutMs ?? 15_000} ms`)),
    );
    request.on("error", reject);
    // A server that refuses a body may close the connection while it is still being written;
    // the answer (or the request's own error) is what the caller looks at.
    request.on("socket", (socket) => {
      if (quieted.has(socket)) return;
      quieted.add(socket);
      socket.on("error", () => {});
    });
    if (req.cutShortAt !== undefined) {
      request.write(Buffer.from(req.body ?? []).subarray(0, req.cutShortAt), () => setTimeout(() => request.socket?.destroy(), 50));
      return;
    }
    request.end(req.body === undefined ? undefined : Buffer.from(req.body));
  });
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function blob(size: number): Buffer {
  return randomBytes(size);
}
