import { createHash, randomBytes } from "node:crypto";
import { exportJWK, generateKeyPair } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalWorker, startWorker } from "../../scripts/lib/local-worker.ts";
import { BODY_KINDS, ROUTE_POLICIES } from "../../src/access/policy";
import type { BodyKind, Scope } from "../../src/route-types";
import { type RawAnswer, RawConnection } from "./support/raw-http.ts";

/**
 * Every route of the policy table that takes a body, sent over real HTTP
 * under `wrangler dev` on one connection: a body refused for its content,
 * one over the route's cap by its declared length (the client sending
 * nothing, then one that keeps sending), and one without the right token.
 * Each time the client must read the 4xx problem within 2 s, and the
 * connection must then carry the next request, or have been closed by the
 * server (and a new one works): never hang. The routes come from the table,
 * so a new route with a body is in this test without editing it, and a body
 * kind with no generator below fails it.
 */

const MiB = 1024 * 1024;
const TOKENS = { write: "e2e-write", api: "e2e-api", admin: "e2e-admin" };
/** Small, so that a body at the cap is quick to send. */
const MAX_UPLOAD = 3 * MiB;
const MAX_ZIP = 3 * MiB;
/** A client's "I'll send 200 MB" (curl -H 'Content-Length: 209715200'): over every cap. */
const HUGE = 200 * MiB;
/** The answer to a refused body must be readable within this. */
const ANSWER_MS = 2_000;
/** The next request on the connection, or the server's close, within this; else the connection hangs. */
const NEXT_MS = 10_000;

let worker: LocalWorker;
/** Each body kind's cap, as the worker publishes it. */
let caps: Record<BodyKind, number>;
/** Authorization for each scope; "public" routes get none. */
const auth = new Map<Scope | "public" | "authenticated", Record<string, string>>();
/** Path parameters, by route: whatever a fixture made. */
let params: (path: string) => Record<string, string>;
let partSize: number;

async function call(method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<Response> {
  const init: RequestInit = { method, headers: { ...headers, ...(body === undefined ? {} : { "Content-Type": "application/json" }) } };
  if (body !== undefined) init.body = JSON.stringify(body);
  // wrangler dev reloads the worker once shortly after it first answers; a request caught by that reload gets its own 503.
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(`${worker.url}${path}`, init);
    if (res.status !== 503 || attempt === 5) return res;
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function made<T>(res: Response): Promise<T> {
  if (!res.ok) throw new Error(`fixture: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A token for a new service account with these scopes (and device key). */
async function accountToken(scopes: Scope[], device?: string): Promise<string> {
  const admin = { Authorization: `Bearer ${TOKENS.admin}` };
  const account = await made<{ client_id: string; client_secret: string }>(
    await call("POST", "/api/admin/accounts", admin, { name: `e2e ${scopes.join(" ")}`, scopes, device_key: device }),
  );
  const form = new URLSearchParams({ grant_type: "client_credentials", client_id: account.client_id, client_secret: account.client_secret });
  const res = await fetch(`${worker.url}/api/oauth/token`, {
    method: "POST",
    body: form,
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
  return (await made<{ access_token: string }>(res)).access_token;
}

beforeAll(async () => {
  const { privateKey } = await generateKeyPair("ES256", { extractable: true });
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(privateKey)), kid: "e2e", alg: "ES256" }] });
  worker = await startWorker("wrangler.toml", 0, {
    CAS_WRITE_TOKEN: TOKENS.write,
    API_TOKEN: TOKENS.api,
    ADMIN_TOKEN: TOKENS.admin,
    JWT_PRIVATE_JWKS: jwks,
    MAX_UPLOAD_BYTES: String(MAX_UPLOAD),
    MAX_FIRMWARE_ZIP_BYTES: String(MAX_ZIP),
  });
  caps = (await made<{ bodies: Record<BodyKind, number> }>(await call("GET", "/api/limits", {}))).bodies;

  const api = { Authorization: `Bearer ${TOKENS.api}` };
  const write = { Authorization: `Bearer ${TOKENS.write}` };
  const part = await made<{ key: string }>(await call("POST", "/api/parts", api, { name: "e2e connections" }));
  const attachment = await made<{ id: number }>(
    await call("POST", `/api/parts/${part.key}/attachments`, api, { url: "https://example.com/datasheet" }),
  );
  const model = await made<{ key: string }>(await call("POST", "/api/device-models", api, { key: "e2e-model", name: "e2e model" }));
  await made(await call("PUT", "/api/devices/e2e-device", api, { model: model.key }));
  const deviceToken = await accountToken(["device"], "e2e-device");
  const parserToken = await accountToken(["coredumps:parse"]);
  const coredump = await made<{ coredump_id: number }>(
    await fetch(`${worker.url}/api/devices/e2e-device/coredumps`, {
      method: "POST",
      headers: { Authorization: `Bearer ${deviceToken}` },
      body: randomBytes(512),
    }),
  );
  partSize = 5 * MiB;
  const session = await made<{ id: string }>(
    await call("POST", "/api/uploads", write, { sha256: sha256(randomBytes(8)), size: 3 * partSize, part_size: partSize }),
  );

  auth.set("public", {});
  auth.set("authenticated", api);
  auth.set("cas:write", write);
  for (const scope of ["parts:read", "parts:write", "parts:delete"] as const) auth.set(scope, api);
  auth.set("admin", { Authorization: `Bearer ${TOKENS.admin}` });
  auth.set("device", { Authorization: `Bearer ${deviceToken}` });
  auth.set("coredumps:parse", { Authorization: `Bearer ${parserToken}` });
  params = (path) => ({
    hash: sha256(Buffer.from("no such blob")),
    key: part.key,
    // `:id` names a different thing under each prefix.
    id: path.startsWith("/api/uploads/") ? session.id : path.startsWith("/api/coredumps/") ? String(coredump.coredump_id) : String(attachment.id),
    part: "1",
    model: model.key,
    device: "e2e-device",
  });
}, 180_000);

afterAll(() => worker?.stop());

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** A request body as a test sends it. */
interface Body {
  headers: Record<string, string>;
  bytes: Buffer;
  /** The path, when the body decides it (a blob's hash). */
  path?: string;
}

/** What each kind of body looks like when it is refused for its content: several shapes where one is not enough. */
const refusedForContent: Record<BodyKind, (path: string) => Body[]> = {
  // Valid JSON up to where it stops: the reader takes it whole, then refuses it.
  json: () => [{ headers: { "Content-Type": "application/json" }, bytes: Buffer.from(`{"name": ${" ".repeat(30_000)}`) }],
  "hash-list": () => [{ headers: { "Content-Type": "application/json" }, bytes: Buffer.from(`{"hashes": [${" ".repeat(60_000)}`) }],
  "parse-result": () => [{ headers: { "Content-Type": "application/json" }, bytes: Buffer.from(`{"status": "PARSED", ${" ".repeat(500_000)}`) }],
  "token-form": () => [{ headers: { "Content-Type": "application/x-www-form-urlencoded" }, bytes: Buffer.from("grant_type=password") }],
  // Bytes that do not hash to the name they are sent to.
  blob: () => [
    { headers: { "Content-Type": "application/octet-stream" }, bytes: randomBytes(2 * MiB), path: `/api/cas/${sha256(Buffer.from("other"))}` },
  ],
  // A form whose file comes in a part not named "file": refused after the part's head, the rest unread.
  upload: () => {
    const head = Buffer.from('--b0undary\r\nContent-Disposition: form-data; name="document"; filename="a.bin"\r\n\r\n');
    return [{ headers: { "Content-Type": "multipart/form-data; boundary=b0undary" }, bytes: Buffer.concat([head, randomBytes(2 * MiB)]) }];
  },
  // Part 1 of a three-part upload, a mebibyte too long and a mebibyte too short: refused from Content-Length.
  part: () => [
    { headers: { "Content-Type": "application/octet-stream" }, bytes: randomBytes(partSize + MiB) },
    { headers: { "Content-Type": "application/octet-stream" }, bytes: randomBytes(partSize - MiB) },
  ],
  // Not a ZIP: the reader stops at its first four bytes.
  "firmware-zip": () => [{ headers: { "Content-Type": "application/zip" }, bytes: randomBytes(2 * MiB) }],
  // A dump whose running version cannot be one (ESP-IDF's hold at most 31 characters).
  coredump: () => [{ headers: { "Content-Type": "application/octet-stream", "X-Firmware-Version": "v".repeat(40) }, bytes: randomBytes(512 * 1024) }],
};

/** A body sent without the right token: the kind's own content type, 2 MiB or the cap if smaller. */
function withoutToken(kind: BodyKind): Body {
  const size = Math.min(2 * MiB, caps[kind]);
  if (kind === "token-form") {
    // Public: the client secret is the credential, and this one is wrong.
    const form = `grant_type=client_credentials&client_id=e2e-nobody&client_secret=${"x".repeat(size - 80)}`;
    return { headers: { "Content-Type": "application/x-www-form-urlencoded" }, bytes: Buffer.from(form) };
  }
  return { headers: { "Content-Type": refusedForContent[kind]("")[0]!.headers["Content-Type"]! }, bytes: randomBytes(size) };
}

const bodyRoutes = ROUTE_POLICIES.filter(([, , , , body]) => body !== undefined).map(([method, path, scope, , body]) => ({
  method,
  path,
  scope,
  kind: body as BodyKind,
}));

function concrete(path: string): string {
  const values = params(path);
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no fixture for :${name} in ${path}`);
    return encodeURIComponent(value);
  });
}

function isProblem(answer: RawAnswer): boolean {
  if (!/json/.test(answer.headers["content-type"] ?? "")) return false;
  const body = JSON.parse(answer.body.toString()) as { status?: number; error?: string };
  // The token endpoint answers OAuth's own error form (RFC 6749 §5.2), everything else problem+json.
  return body.status === answer.status || typeof body.error === "string";
}

/**
 * After an answer on `conn`: the next request on it is answered, or the
 * server has closed it and a new connection is answered. Never a hang.
 */
async function nextRequestAnswered(conn: RawConnection, bodyFullySent: boolean): Promise<"reused" | "closed"> {
  if (bodyFullySent && !conn.closed) {
    await conn.head("GET", "/health", {});
    const next = await conn.answer(NEXT_MS);
    if (next !== "closed") {
      expect(next, "the next request on the connection hangs").not.toBe("timeout");
      expect((next as RawAnswer).status).toBe(200);
      conn.destroy();
      return "reused";
    }
  } else if (!conn.closed) {
    // The client did not send what it declared: it must close (RFC 9112 §9.6); a server may have already.
    conn.destroy();
  }
  const fresh = await RawConnection.open(worker.url);
  await fresh.head("GET", "/health", {});
  const answer = await fresh.answer(NEXT_MS);
  fresh.destroy();
  expect(answer, "a new connection after the close").toMatchObject({ status: 200 });
  return "closed";
}

/** Sends `body` on a new connection, reads the answer, then checks the connection as above. */
async function refusedThenNext(method: string, path: string, headers: Record<string, string>, bytes: Buffer) {
  const conn = await RawConnection.open(worker.url);
  await conn.head(method, path, { ...headers, "Content-Length": String(bytes.length) });
  const sending = conn.send(bytes);
  const answer = await conn.answer(ANSWER_MS, method);
  expect(answer, `${method} ${path}: no answer within ${ANSWER_MS} ms`).not.toBe("timeout");
  expect(answer, `${method} ${path}: the server closed the connection before answering`).not.toBe("closed");
  const sent = await Promise.race([sending, new Promise<number>((r) => setTimeout(() => r(-1), NEXT_MS))]);
  expect(sent, `${method} ${path}: the rest of the body could not be sent, the connection hangs`).not.toBe(-1);
  return { answer: answer as RawAnswer, next: await nextRequestAnswered(conn, sent === bytes.length) };
}

describe("the generated cases", () => {
  it("cover every body kind the table uses, with a generator and a cap for each", () => {
    expect(bodyRoutes.length).toBeGreaterThanOrEqual(19);
    for (const { method, path, kind } of bodyRoutes) {
      expect(BODY_KINDS, `${method} ${path}`).toContain(kind);
      expect(refusedForContent[kind], `${method} ${path}: no generator for body kind "${kind}"`).toBeTypeOf("function");
      expect(caps[kind], `${method} ${path}: the worker publishes no cap for "${kind}"`).toBeGreaterThan(0);
    }
  });
});

describe.each(bodyRoutes)("$method $path ($kind)", ({ method, path, scope, kind }) => {
  it("refuses a body for its content with a readable 4xx, and the connection carries on or is closed", async () => {
    for (const body of refusedForContent[kind](path)) {
      const target = body.path ?? concrete(path);
      const { answer } = await refusedThenNext(method, target, { ...auth.get(scope), ...body.headers }, body.bytes);
      expect(answer.status, `${method} ${target}: ${answer.body.toString().slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect(isProblem(answer)).toBe(true);
    }
  });

  it("answers 413 at once to a declared length over its cap while the client waits to send, then a new connection works", async () => {
    const conn = await RawConnection.open(worker.url);
    await conn.head(method, concrete(path), { ...auth.get(scope), "Content-Length": String(HUGE) });
    const answer = await conn.answer(ANSWER_MS, method);
    expect(answer, "no answer while the client waits to send its body").not.toBe("timeout");
    expect(answer).toMatchObject({ status: 413 });
    expect(isProblem(answer as RawAnswer)).toBe(true);
    // Having sent none of what it declared, the client closes.
    expect(await nextRequestAnswered(conn, false)).toBe("closed");
  });

  it("answers 413 at once to a client that declares too much and keeps sending, then carries on or closes", async () => {
    const declared = caps[kind] + 256 * 1024;
    const conn = await RawConnection.open(worker.url);
    await conn.head(method, concrete(path), { ...auth.get(scope), "Content-Length": String(declared) });
    // Sent as fast as the connection takes it; a small cap is taken whole, a large one until the server gives up.
    const sending = conn.send(Buffer.alloc(declared, 0x61));
    const answer = await conn.answer(ANSWER_MS, method);
    expect(answer, "no answer while the client sends").not.toBe("timeout");
    expect(answer).toMatchObject({ status: 413 });
    const sent = await Promise.race([sending, new Promise<number>((r) => setTimeout(() => r(-1), NEXT_MS))]);
    expect(sent, "the server neither took the body nor closed the connection").not.toBe(-1);
    await nextRequestAnswered(conn, sent === declared);
  });

  it("refuses a body without the right token with a readable 4xx, and the connection carries on or is closed", async () => {
    const body = withoutToken(kind);
    const { answer } = await refusedThenNext(method, concrete(path), body.headers, body.bytes);
    expect(answer.status).toBe(401);
    expect(isProblem(answer)).toBe(true);
  });
});

describe("a body with no declared length", () => {
  it("past the cap is refused 413 and the connection is closed, or carries on once the body ended", async () => {
    const conn = await RawConnection.open(worker.url);
    await conn.head("POST", "/api/parts", { ...auth.get("parts:write"), "Content-Type": "application/json", "Transfer-Encoding": "chunked" });
    const chunk = randomBytes(64 * 1024);
    const framed = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")]);
    let sent = 0;
    const sending = (async () => {
      // 2 MiB in 64 KiB chunks, then the last chunk.
      for (let i = 0; i < 32; i++) if (!(await conn.write(framed))) return false;
      sent = 2 * MiB;
      return conn.write(Buffer.from("0\r\n\r\n"));
    })();
    const answer = await conn.answer(ANSWER_MS, "POST");
    expect(answer).toMatchObject({ status: 413 });
    const finished = await Promise.race([sending, new Promise<"hang">((r) => setTimeout(() => r("hang"), NEXT_MS))]);
    expect(finished).not.toBe("hang");
    await nextRequestAnswered(conn, finished === true && sent === 2 * MiB);
  });
});

describe("answers that leave a body unread on success", () => {
  let stored: { bytes: Buffer; hash: string };
  beforeAll(async () => {
    const bytes = randomBytes(2 * MiB);
    stored = { bytes, hash: sha256(bytes) };
    const put = await fetch(`${worker.url}/api/cas/${stored.hash}`, { method: "PUT", body: bytes, headers: auth.get("cas:write") });
    expect(put.status).toBe(201);
  });

  it("a PUT of a blob already stored (200, the body is not needed)", async () => {
    const { answer, next } = await refusedThenNext("PUT", `/api/cas/${stored.hash}`, auth.get("cas:write")!, stored.bytes);
    expect(answer.status).toBe(200);
    expect(next).toBe("reused");
  });

  it("an attachment of a blob already stored, its hash declared (201)", async () => {
    const headers = { ...auth.get("parts:write"), "Content-Type": "application/octet-stream", "X-Content-SHA256": stored.hash };
    const { answer, next } = await refusedThenNext("POST", `${concrete("/api/parts/:key")}/attachments?filename=a.bin`, headers, stored.bytes);
    expect(answer.status).toBe(201);
    expect(next).toBe("reused");
  });
});

describe("a client that gives up mid-upload", () => {
  it("leaves nothing stored and no unhandled error in the worker's log", async () => {
    const bytes = randomBytes(2 * MiB);
    const hash = sha256(bytes);
    const before = worker.output().length;
    const conn = await RawConnection.open(worker.url);
    await conn.head("PUT", `/api/cas/${hash}`, { ...auth.get("cas:write"), "Content-Length": String(bytes.length) });
    await conn.send(bytes.subarray(0, 700_000));
    await new Promise((r) => setTimeout(r, 50));
    conn.destroy();
    await new Promise((r) => setTimeout(r, 500));

    const head = await fetch(`${worker.url}/api/cas/${hash}`, { method: "HEAD" });
    expect(head.status).toBe(404);
    // "unhandled error" is what the worker's error handler logs for anything it did not expect.
    // (wrangler's local proxy may log its own "Network connection lost" for such a client.)
    expect(worker.output().slice(before)).not.toMatch(/unhandled error/i);
  });
});
