import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { bodyBytes, casGet, randomBytes, sha256, WRITE_TOKEN } from "../support/blobs";
import { bearer, tokenWith } from "../support/tokens";
import { PART, type UploadJson, uploads } from "../support/uploads";

/** The four things a client does with a session, each as `token` sends it. */
function actions(token: string, id: string, part: Uint8Array) {
  const auth = bearer(token);
  return {
    status: () => uploads(`/${id}`, { headers: auth }),
    put: (bytes = part) => uploads(`/${id}/parts/1`, { method: "PUT", body: bytes, headers: { ...auth, "Content-Length": String(bytes.length) } }),
    complete: () => uploads(`/${id}/complete`, { method: "POST", headers: auth }),
    abort: () => uploads(`/${id}`, { method: "DELETE", headers: auth }),
  };
}

async function start(token: string, bytes: Uint8Array): Promise<UploadJson> {
  const res = await uploads("", {
    method: "POST",
    headers: bearer(token),
    json: { sha256: await sha256(bytes), size: bytes.length, part_size: PART },
  });
  expect(res.status).toBe(201);
  return res.json();
}

/** What an id that names no session gets, for the same request. */
async function unknownAnswer(token: string, act: keyof ReturnType<typeof actions>): Promise<{ status: number; body: unknown }> {
  const res = await actions(token, crypto.randomUUID(), randomBytes(10))[act]();
  return { status: res.status, body: await res.json() };
}

/** `others` gets exactly the answer an unknown id gets, for every action, and the session is as it was. */
async function expectHidden(others: string, session: UploadJson): Promise<void> {
  const stranger = actions(others, session.id, randomBytes(session.size));
  for (const act of ["status", "put", "complete", "abort"] as const) {
    const res = await stranger[act]();
    expect({ status: res.status, body: await res.json() }, act).toEqual(await unknownAnswer(others, act));
  }
  const row = await env.DB.prepare("SELECT parts_received, status FROM upload_sessions WHERE id = ?1").bind(session.id).first();
  expect(row).toEqual({ parts_received: 0, status: "open" });
}

let serviceWriter: string;
let otherServiceWriter: string;
let adminWriter: string;
beforeAll(async () => {
  [serviceWriter, otherServiceWriter, adminWriter] = await Promise.all([
    tokenWith(["cas:write"]).then((t) => t.token),
    tokenWith(["cas:write"]).then((t) => t.token),
    tokenWith(["cas:write", "admin"]).then((t) => t.token),
  ]);
});

describe("an upload session belongs to whoever created it", { timeout: 30_000 }, () => {
  it("hides a static token's session from a service account: status, parts, complete and abort all 404", async () => {
    const bytes = randomBytes(1000);
    const session = await start(WRITE_TOKEN, bytes);
    await expectHidden(serviceWriter, session);

    const owner = actions(WRITE_TOKEN, session.id, bytes);
    expect((await owner.put()).status).toBe(200);
    expect((await owner.complete()).status).toBe(201);
    expect(await bodyBytes(await casGet(session.sha256))).toEqual(bytes);
  });

  it("hides one service account's session from the static token and from another account", async () => {
    const bytes = randomBytes(1000);
    const session = await start(serviceWriter, bytes);
    await expectHidden(WRITE_TOKEN, session);
    await expectHidden(otherServiceWriter, session);

    const owner = actions(serviceWriter, session.id, bytes);
    expect((await owner.status()).status).toBe(200);
    expect((await owner.put()).status).toBe(200);
    expect((await owner.complete()).status).toBe(201);
  });

  it("does not tell a stranger that a session expired: 404 for them, 410 for the owner", async () => {
    const session = await start(WRITE_TOKEN, randomBytes(1000));
    await env.DB.prepare("UPDATE upload_sessions SET expires_at = '2000-01-01T00:00:00.000Z' WHERE id = ?1").bind(session.id).run();
    expect((await actions(serviceWriter, session.id, randomBytes(1000)).status()).status).toBe(404);
    expect((await actions(WRITE_TOKEN, session.id, randomBytes(1000)).status()).status).toBe(410);
  });

  it("lets a token with the admin scope see and abort anyone's session", async () => {
    const session = await start(serviceWriter, randomBytes(1000));
    const operator = actions(adminWriter, session.id, randomBytes(1000));
    expect(((await (await operator.status()).json()) as UploadJson).id).toBe(session.id);
    expect((await operator.abort()).status).toBe(204);
    expect((await actions(serviceWriter, session.id, randomBytes(1000)).status()).status).toBe(404);
  });
});
