import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ORIGIN, WRITE_TOKEN } from "../support/blobs";
import { createModel } from "../support/firmware";
import { clientBody } from "../support/streams";
import { fetchWith } from "../support/worker";

type Problem = { type: string; status: number; detail: string };

function request(method: string, path: string, body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}): Request {
  return new Request(`${ORIGIN}${path}`, { method, body, headers, duplex: "half" } as RequestInit);
}

/**
 * Reads a problem as soon as its bytes are in, as an HTTP client reading by
 * Content-Length does: the answer's body is complete before the worker is
 * done with the request's (it stays open while the rest is read or until
 * the lingering read ends), so it is not read to its end.
 */
async function problemAtOnce(res: Response): Promise<Problem> {
  expect(res.headers.get("Content-Type")).toBe("application/problem+json");
  const reader = res.body!.getReader();
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) throw new Error(`the answer ended inside its problem: ${text}`);
    text += new TextDecoder().decode(value);
    try {
      const problem = JSON.parse(text) as Problem;
      reader.releaseLock();
      return problem;
    } catch {
      // Not all of it yet.
    }
  }
}

describe("a declared length over the route's cap", () => {
  it("is answered 413 at once, before the client sends a byte and before the token is looked at", async () => {
    const body = clientBody("never");
    const res = await SELF.fetch(request("PUT", `/api/cas/${"a".repeat(64)}`, body.stream, { "Content-Length": String(200 * 1024 * 1024) }));
    expect(res.status).toBe(413);
    const problem = await problemAtOnce(res);
    expect(problem.type).toBe("urn:cas-edge:problem:payload-too-large");
    expect(problem.detail).toBe(`The body has ${200 * 1024 * 1024} bytes; the limit is ${100 * 1024 * 1024}.`);
    expect(body.pulled()).toBe(0);
    await res.body!.cancel();
  });

  it("uses the cap of the route's body kind, from the worker's settings", async () => {
    const body = clientBody(3000);
    const res = await fetchWith(
      request("PUT", `/api/cas/${"a".repeat(64)}`, body.stream, { Authorization: `Bearer ${WRITE_TOKEN}`, "Content-Length": "3000" }),
      { MAX_UPLOAD_BYTES: "2048" },
    );
    expect(res.status).toBe(413);
    expect((await res.json()) as Problem).toMatchObject({ detail: "The body has 3000 bytes; the limit is 2048." });
  });

  it("on a route that takes no body, over a small allowance", async () => {
    const body = clientBody(1024 * 1024);
    const res = await SELF.fetch(request("POST", "/api/admin/gc", body.stream, { "Content-Length": String(1024 * 1024) }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as Problem).detail).toBe(`The body has ${1024 * 1024} bytes; the limit is 65536.`);
  });
});

describe("a body the handler leaves unread", () => {
  it("is read to its end, never cancelled, when the guard refuses it (401)", async () => {
    const body = clientBody(2 * 1024 * 1024);
    const res = await SELF.fetch(request("PUT", `/api/cas/${"a".repeat(64)}`, body.stream, { "Content-Length": String(2 * 1024 * 1024) }));
    expect(res.status).toBe(401);
    await res.json();
    expect(body.pulled()).toBe(2 * 1024 * 1024);
    expect(body.cancelled()).toBe(false);
  });

  it("is read to its end, never cancelled, when the ZIP reader stops at a body that is not a ZIP", async () => {
    const model = await createModel();
    const body = clientBody(2 * 1024 * 1024);
    const res = await SELF.fetch(
      request("POST", `/api/device-models/${model}/firmware`, body.stream, {
        Authorization: "Bearer test-api-token",
        "Content-Length": String(2 * 1024 * 1024),
      }),
    );
    expect(res.status).toBe(415);
    await res.json();
    expect(body.pulled()).toBe(2 * 1024 * 1024);
    expect(body.cancelled()).toBe(false);
  });

  it("is given up, past the cap and a lingering read, when it has no length and does not end", async () => {
    const body = clientBody(Number.POSITIVE_INFINITY);
    const res = await SELF.fetch(
      request("POST", "/api/parts", body.stream, { Authorization: "Bearer test-api-token", "Content-Type": "application/json" }),
    );
    expect(res.status).toBe(413);
    expect(((await res.json()) as Problem).detail).toBe("The body passed 65536 bytes, the most this endpoint takes.");
    expect(body.cancelled()).toBe(true);
    // Bytes past the cap were read and dropped before it was given up. The linger ends on
    // LINGER_BYTES or on LINGER_MS, whichever comes first: on a loaded machine, the time.
    expect(body.pulled()).toBeGreaterThan(65536 + 1024 * 1024);
  });

  it("is read and dropped on a route that takes none, when it is small", async () => {
    const body = clientBody(1000);
    const res = await SELF.fetch(request("POST", "/api/admin/gc", body.stream, { Authorization: "Bearer test-admin-token" }));
    expect(res.status).toBe(200);
    await res.json();
    expect(body.pulled()).toBe(1000);
    expect(body.cancelled()).toBe(false);
  });
});

describe("GET /api/limits", () => {
  it("publishes each body kind's cap from the worker's settings, and the routes that take each", async () => {
    const res = await fetchWith(new Request(`${ORIGIN}/api/limits`), { MAX_UPLOAD_BYTES: "12345", MAX_FIRMWARE_ZIP_BYTES: "999999" });
    expect(res.status).toBe(200);
    const limits = (await res.json()) as {
      bodies: Record<string, number>;
      routes: Array<{ method: string; path: string; body: string; max_bytes: number }>;
    };
    expect(limits.bodies).toMatchObject({ upload: 12345, blob: 12345, "firmware-zip": 999999, json: 65536, "token-form": 4096 });
    expect(limits.routes).toContainEqual({ method: "POST", path: "/api/parts/{key}/attachments", body: "upload", max_bytes: 12345 });
    expect(limits.routes.find((r) => r.path === "/api/admin/gc")).toBeUndefined();
  });
});
