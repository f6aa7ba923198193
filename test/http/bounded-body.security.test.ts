import { SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { ROUTE_POLICIES } from "../../src/access/policy";
import { JSON_BODY_LIMIT } from "../../src/validation";
import { API_TOKEN, createPart } from "../support/api";
import { ORIGIN } from "../support/blobs";
import { chunkedBody } from "../support/bytes";
import { clientBody } from "../support/streams";
import { tokenWith } from "../support/tokens";

type Problem = { type: string; status: number; detail: string };

/** The audit's token form. */
const HUGE = 90 * 1024 * 1024;
/** Bigger than any JSON body cap (the largest, a coredump parse result, is about 6 MB). */
const OVER_ANY_CAP = 8 * 1024 * 1024;

function send(method: string, path: string, body: ReadableStream<Uint8Array>, headers: Record<string, string>) {
  return SELF.fetch(`${ORIGIN}${path}`, { method, body, headers, duplex: "half" } as RequestInit);
}

async function tooLarge(res: Response): Promise<Problem> {
  expect(res.status).toBe(413);
  expect(res.headers.get("Content-Type")).toBe("application/problem+json");
  const problem = (await res.json()) as Problem;
  expect(problem.type).toBe("urn:cas-edge:problem:payload-too-large");
  return problem;
}

const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

// A refused body that never ends is read on for the lingering close (up to 64 MiB or 5 s) before it is given up.
describe("POST /api/oauth/token reads no more than its 4 KiB form", { timeout: 30_000 }, () => {
  it("refuses a declared 90 MB body from its Content-Length, before reading it", async () => {
    const body = clientBody(Number.POSITIVE_INFINITY);
    const problem = await tooLarge(await send("POST", "/api/oauth/token", body.stream, { ...FORM, "Content-Length": String(HUGE) }));
    expect(problem.detail).toContain(String(HUGE));
    // What is read after the answer is the body middleware's lingering read, dropped as it arrives;
    // a body that does not end is given up (src/http/request-body.ts, LINGER_*).
    expect(body.cancelled()).toBe(true);
  });

  it("stops a chunked body just past 4 KiB", async () => {
    const body = clientBody(Number.POSITIVE_INFINITY);
    const problem = await tooLarge(await send("POST", "/api/oauth/token", body.stream, FORM));
    expect(problem.detail).toContain("4096");
    expect(body.cancelled()).toBe(true);
  });

  it("still answers an OAuth error for a form within the cap", async () => {
    const res = await send("POST", "/api/oauth/token", chunkedBody("grant_type=password"), FORM);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: "unsupported_grant_type" });
  });
});

describe("every JSON body is read with a cap", { timeout: 30_000 }, () => {
  type Operation = { requestBody?: { content: Record<string, unknown> } };
  // The routes come from the OpenAPI document: a new JSON route is swept without editing this test.
  const routes: Array<{ method: string; path: string; token: string }> = [];

  beforeAll(async () => {
    const doc = (await (await SELF.fetch(`${ORIGIN}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, Operation>> };
    const { key } = await createPart();
    const params: Record<string, string> = { key, id: "1", hash: "a".repeat(64), device: "dev-1", model: "model-1", clientId: "x" };
    const tokens = new Map<string, string>();
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        if (!operation.requestBody || !("application/json" in operation.requestBody.content)) continue;
        const policy = ROUTE_POLICIES.find(([m, p]) => m === method.toUpperCase() && p.replace(/:(\w+)/g, "{$1}") === path);
        expect(policy, `${method} ${path} has a policy`).toBeDefined();
        const scope = policy![2];
        // A device's own token is bound to one device: the one the path names.
        if (!tokens.has(scope)) tokens.set(scope, (await tokenWith([scope], scope === "device" ? { device: params.device } : {})).token);
        routes.push({
          method: method.toUpperCase(),
          path: path.replace(/\{(\w+)\}/g, (_, name: string) => params[name]!),
          token: tokens.get(scope)!,
        });
      }
    }
  });

  it("finds the JSON routes", () => {
    // Sanity: the sweep is not silently empty (parts, attachments, accounts, mode, devices, coredumps, uploads, exists).
    expect(routes.length).toBeGreaterThanOrEqual(12);
  });

  it("refuses a declared length over the cap with 413 before reading, on every JSON route", async () => {
    for (const { method, path, token } of routes) {
      const body = clientBody(OVER_ANY_CAP);
      const res = await send(method, path, body.stream, {
        Authorization: `Bearer ${token}`,
        "Content-Type": "application/json",
        "Content-Length": String(OVER_ANY_CAP),
      });
      expect(res.status, `${method} ${path}`).toBe(413);
      await tooLarge(res);
      // Refused before reading (over the route's own cap) or by the JSON reader (an attachment route
      // takes files too); either way what follows is read and dropped, so the connection carries on.
      expect(body.cancelled(), `${method} ${path}`).toBe(false);
    }
  });

  it("stops a chunked body once it passes the cap, on every JSON route", async () => {
    for (const { method, path, token } of routes) {
      const body = clientBody(OVER_ANY_CAP);
      const res = await send(method, path, body.stream, { Authorization: `Bearer ${token}`, "Content-Type": "application/json" });
      expect(res.status, `${method} ${path}`).toBe(413);
      await tooLarge(res);
      // Past the cap, a body that ends within the lingering read is read to its end and dropped.
      expect(body.cancelled(), `${method} ${path}`).toBe(false);
    }
  });
});

describe("the caps leave room for the largest valid bodies, sent chunked", () => {
  const json = (token: string) => ({ Authorization: `Bearer ${token}`, "Content-Type": "application/json" });

  it("POST /api/cas/exists with 1000 hashes, pretty-printed", async () => {
    const hashes = Array.from({ length: 1000 }, (_, i) => i.toString(16).padStart(64, "0"));
    const text = JSON.stringify({ hashes }, null, 2);
    expect(text.length).toBeGreaterThan(JSON_BODY_LIMIT);
    const res = await send("POST", "/api/cas/exists", chunkedBody(text), json(API_TOKEN));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { missing: string[] }).missing).toHaveLength(1000);
  });

  it("a part with the longest name and description, every character escaped", async () => {
    // JSON.stringify escapes control characters as \u0001 (6 bytes each); the name is escaped by hand.
    const text = `{"name":"${"\\u00e9".repeat(200)}","description":${JSON.stringify("\u0001".repeat(10_000))}}`;
    expect(text.length).toBeGreaterThan(61_000);
    const res = await send("POST", "/api/parts", chunkedBody(text), json(API_TOKEN));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ name: "é".repeat(200), description: "\u0001".repeat(10_000) });
  });

  it("a coredump parse result of a million escaped characters", async () => {
    const { token } = await tokenWith(["coredumps:parse"]);
    const text = JSON.stringify({ lease_id: crypto.randomUUID(), status: "PARSED", result: "\u001b".repeat(1_000_000) });
    expect(text.length).toBeGreaterThan(6_000_000);
    // Read and validated whole: the answer is about the coredump (there is none), not the body.
    const res = await send("POST", "/api/coredumps/999999/result", chunkedBody(text), json(token));
    expect(res.status).toBe(404);
  });
});

describe("a body that is cut short or missing is the client's 400", () => {
  /** Sends `sent` of the bytes the header promises, then ends or fails as a dropped connection does. */
  function cutShort(sent: string, how: "end" | "error") {
    let done = false;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (!done) {
          done = true;
          controller.enqueue(new TextEncoder().encode(sent));
        } else if (how === "end") controller.close();
        else controller.error(new Error("Network connection lost."));
      },
    });
  }

  it.each(["end", "error"] as const)("a JSON body that %ss before its Content-Length", async (how) => {
    const res = await send("POST", "/api/parts", cutShort('{"name":"x', how), {
      Authorization: `Bearer ${API_TOKEN}`,
      "Content-Type": "application/json",
      "Content-Length": "100",
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Problem).type).toBe("urn:cas-edge:problem:invalid-body");
  });

  it.each(["end", "error"] as const)("a token form that %ss before its Content-Length", async (how) => {
    const res = await send("POST", "/api/oauth/token", cutShort("grant_type=client_", how), { ...FORM, "Content-Length": "200" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Problem).type).toBe("urn:cas-edge:problem:invalid-body");
  });

  it("a JSON route given no body at all", async () => {
    const res = await SELF.fetch(`${ORIGIN}/api/parts`, {
      method: "POST",
      headers: { Authorization: `Bearer ${API_TOKEN}`, "Content-Type": "application/json" },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Problem).detail).toContain("empty");
  });
});
