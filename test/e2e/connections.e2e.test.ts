import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalWorker, startWorker } from "../../scripts/lib/local-worker.ts";
import { blob, keepAliveAgent, send, sha256 } from "./support/http.ts";

const WRITE = { Authorization: "Bearer e2e-write" };
const MAX_UPLOAD = 20 * 1024 * 1024;
let worker: LocalWorker;
let stored: { bytes: Buffer; hash: string };
let big: { bytes: Buffer; hash: string };

beforeAll(async () => {
  worker = await startWorker(
    "wrangler.toml",
    0,
    {
      CAS_WRITE_TOKEN: "e2e-write",
      API_TOKEN: "e2e-api",
      ADMIN_TOKEN: "e2e-admin",
      MAX_UPLOAD_BYTES: String(MAX_UPLOAD),
    },
    undefined,
    "log",
  );
  for (const size of [300_000, 10_000_000]) {
    const bytes = blob(size);
    const hash = sha256(bytes);
    const put = await send(worker.url, undefined, { method: "PUT", path: `/api/cas/${hash}`, headers: WRITE, body: bytes });
    expect(put.status).toBe(201);
    if (size === 300_000) stored = { bytes, hash };
    else big = { bytes, hash };
  }
});

afterAll(() => worker?.stop());

let partKey: string;
beforeAll(async () => {
  const res = await send(worker.url, undefined, {
    method: "POST",
    path: "/api/parts",
    headers: { Authorization: "Bearer e2e-api", "Content-Type": "application/json" },
    body: Buffer.from(JSON.stringify({ name: "e2e part" })),
  });
  partKey = JSON.parse(res.body.toString()).key;
});

/** The answer a well-kept connection gives right after an early answer: the stored blob, promptly. */
async function nextRequestAnswers(agent: ReturnType<typeof keepAliveAgent>) {
  const next = await send(worker.url, agent, { path: `/api/cas/${stored.hash}`, timeoutMs: 10_000 });
  expect(next.status).toBe(200);
  expect(next.body.equals(stored.bytes)).toBe(true);
  return next;
}

describe("an answer given before the body is read leaves the keep-alive connection usable", () => {
  const cases: Array<[string, () => { method: string; path: string; headers: Record<string, string>; body: Buffer }, number]> = [
    ["PUT of a blob already stored (200)", () => ({ method: "PUT", path: `/api/cas/${stored.hash}`, headers: WRITE, body: stored.bytes }), 200],
    ["PUT of a 10 MB blob already stored (200)", () => ({ method: "PUT", path: `/api/cas/${big.hash}`, headers: WRITE, body: big.bytes }), 200],
    ["PUT without a token (401)", () => ({ method: "PUT", path: `/api/cas/${stored.hash}`, headers: {}, body: stored.bytes }), 401],
    [
      "PUT with a token lacking cas:write (403)",
      () => ({ method: "PUT", path: `/api/cas/${stored.hash}`, headers: { Authorization: "Bearer e2e-admin" }, body: stored.bytes }),
      403,
    ],
    ["PUT to a malformed hash (400)", () => ({ method: "PUT", path: "/api/cas/not-a-hash", headers: WRITE, body: stored.bytes }), 400],
    [
      "PUT with a bad Content-Type (400)",
      () => ({ method: "PUT", path: `/api/cas/${sha256(blob(8))}`, headers: { ...WRITE, "Content-Type": "no type" }, body: stored.bytes }),
      400,
    ],
    [
      "attachment upload of a blob already stored, hash declared (201)",
      () => ({
        method: "POST",
        path: `/api/parts/${partKey}/attachments?filename=a.bin`,
        headers: { Authorization: "Bearer e2e-api", "X-Content-SHA256": stored.hash },
        body: stored.bytes,
      }),
      201,
    ],
    [
      "upload to an unknown part (404)",
      () => ({ method: "POST", path: "/api/parts/nosuchpart/attachments", headers: { Authorization: "Bearer e2e-api" }, body: stored.bytes }),
      404,
    ],
  ];
  for (const [name, make, status] of cases) {
    it(name, async () => {
      const agent = keepAliveAgent();
      const first = await send(worker.url, agent, make());
      expect(first.status).toBe(status);
      const next = await nextRequestAnswers(agent);
      expect(next.reused).toBe(true);
      agent.destroy();
    });
  }

  it("PUT without Content-Length (411, chunked body)", async () => {
    const agent = keepAliveAgent();
    const first = await send(worker.url, agent, {
      method: "PUT",
      path: `/api/cas/${stored.hash}`,
      headers: { ...WRITE, "Transfer-Encoding": "chunked" },
      body: stored.bytes,
    });
    expect(first.status).toBe(411);
    await nextRequestAnswers(agent);
    agent.destroy();
  });

  it("a body over the size limit (413) is refused and the next request still answers", async () => {
    const agent = keepAliveAgent();
    const tooBig = blob(MAX_UPLOAD + 1024);
    const first = await send(worker.url, agent, { method: "PUT", path: `/api/cas/${sha256(tooBig)}`, headers: WRITE, body: tooBig });
    expect(first.status).toBe(413);
    await nextRequestAnswers(agent);
    agent.destroy();
  });
});

describe("a client that gives up mid-upload", () => {
  it("leaves nothing stored and no unhandled error in the worker's log", async () => {
    const bytes = blob(2_000_000);
    const hash = sha256(bytes);
    const before = worker.output().length;
    // wrangler's local proxy itself answers such a request (503 "worker restarted mid-request") or drops it; either way no blob.
    await send(worker.url, undefined, { method: "PUT", path: `/api/cas/${hash}`, headers: WRITE, body: bytes, cutShortAt: 700_000 }).catch(
      () => undefined,
    );
    await new Promise((r) => setTimeout(r, 500));

    const head = await send(worker.url, undefined, { method: "HEAD", path: `/api/cas/${hash}` });
    expect(head.status).toBe(404);
    // "unhandled error" is what the worker's error handler logs for anything it did not expect.
    // (wrangler's local proxy may log its own "Network connection lost" for such a client.)
    const log = worker.output().slice(before);
    expect(log).not.toMatch(/unhandled error/i);
  });
});
