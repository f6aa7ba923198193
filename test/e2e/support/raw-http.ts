import net from "node:net";

/** An answer as read off the wire. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

const HEAD_END = Buffer.from("\r\n\r\n");

/**
 * One TCP connection spoken to in HTTP/1.1 by hand, so a test decides exactly
 * what is sent and when: a head that declares 200 MB and no body, a body sent
 * while the answer is already there, the next request on the same socket.
 * It notes whether the server closed (or reset) the connection.
 */
export class RawConnection {
  /** The server closed or reset the connection. */
  closed = false;
  private buffer: Buffer = Buffer.alloc(0);
  private wake: () => void = () => {};

  private constructor(
    private readonly socket: net.Socket,
    readonly host: string,
  ) {
    socket.on("data", (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.wake();
    });
    socket.on("close", () => {
      this.closed = true;
      this.wake();
    });
    // A reset while writing is how a closed connection shows; `closed` records it.
    socket.on("error", () => {});
  }

  static open(base: string): Promise<RawConnection> {
    const { hostname, port, host } = new URL(base);
    return new Promise((resolve, reject) => {
      const socket = net.connect(Number(port), hostname, () => {
        socket.off("error", reject);
        resolve(new RawConnection(socket, host));
      });
      socket.once("error", reject);
    });
  }

  /** Writes a request head (no body). */
  head(method: string, path: string, headers: Record<string, string>): Promise<boolean> {
    const lines = [`${method} ${path} HTTP/1.1`, `Host: ${this.host}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
    return this.write(Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "latin1"));
  }

  /** Writes bytes, waiting while the socket is full; false once the server has closed the connection. */
  write(bytes: Buffer): Promise<boolean> {
    if (this.closed || this.socket.destroyed) return Promise.resolve(false);
    return new Promise((resolve) => {
      if (this.socket.write(bytes)) return resolve(true);
      const done = (ok: boolean) => {
        this.socket.off("drain", drained);
        this.socket.off("close", gone);
        resolve(ok);
      };
      const drained = () => done(true);
      const gone = () => done(false);
      this.socket.once("drain", drained);
      this.socket.once("close", gone);
    });
  }

  /**
   * Writes `body` in chunks as fast as the connection takes them, until all
   * is sent or the server closes; returns how much was sent.
   */
  async send(body: Buffer, chunk = 64 * 1024): Promise<number> {
    let sent = 0;
    while (sent < body.length) {
      const piece = body.subarray(sent, sent + chunk);
      if (!(await this.write(piece))) break;
      sent += piece.length;
    }
    return sent;
  }

  /**
   * The next whole answer on the connection, or "closed" when the server
   * closes first, or "timeout" when neither happens within `ms`.
   */
  async answer(ms: number, method = "GET"): Promise<RawAnswer | "closed" | "timeout"> {
    const deadline = Date.now() + ms;
    for (;;) {
      const parsed = this.parse(method);
      if (parsed) return parsed;
      if (this.closed) return "closed";
      const left = deadline - Date.now();
      if (left <= 0) return "timeout";
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** Waits up to `ms` for the server to close the connection; true if it did. */
  async closedWithin(ms: number): Promise<boolean> {
    const deadline = Date.now() + ms;
    while (!this.closed && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    return this.closed;
  }

  destroy(): void {
    this.socket.destroy();
  }

  /** Takes one whole answer off the buffer (Content-Length or chunked), or null when it has not all arrived. */
  private parse(method: string): RawAnswer | null {
    const end = this.buffer.indexOf(HEAD_END);
    if (end < 0) return null;
    const [statusLine, ...lines] = this.buffer.subarray(0, end).toString("latin1").split("\r\n");
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? "")?.[1]);
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(":");
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const start = end + HEAD_END.length;
    // 1xx answers (100 Continue) come before the real one.
    if (status >= 100 && status < 200) {
      this.buffer = this.buffer.subarray(start);
      return this.parse(method);
    }
    let body: Buffer;
    let rest: Buffer;
    if (method === "HEAD" || status === 204 || status === 304) {
      body = Buffer.alloc(0);
      rest = this.buffer.subarray(start);
    } else if (headers["content-length"] !== undefined) {
      const length = Number(headers["content-length"]);
      if (this.buffer.length < start + length) return null;
      body = this.buffer.subarray(start, start + length);
      rest = this.buffer.subarray(start + length);
    } else if (/chunked/i.test(headers["transfer-encoding"] ?? "")) {
      const chunks: Buffer[] = [];
      let at = start;
      for (;;) {
        const lineEnd = this.buffer.indexOf("\r\n", at);
        if (lineEnd < 0) return null;
        const size = Number.parseInt(this.buffer.subarray(at, lineEnd).toString("latin1"), 16);
        if (this.buffer.length < lineEnd + 2 + size + 2) return null;
        if (size === 0) {
          at = lineEnd + 4;
          break;
        }
        chunks.push(this.buffer.subarray(lineEnd + 2, lineEnd + 2 + size));
        at = lineEnd + 2 + size + 2;
      }
      body = Buffer.concat(chunks);
      rest = this.buffer.subarray(at);
    } else {
      // Delimited by the close of the connection.
      if (!this.closed) return null;
      body = this.buffer.subarray(start);
      rest = Buffer.alloc(0);
    }
    this.buffer = rest;
    return { status, headers, body };
  }
}
