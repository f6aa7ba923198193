import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { writeAudit } from "../../src/audit/record";
import worker from "../../src/index";
import { failingAuditDb, rowOfRequest, rowsOfRequest, watchedAuditDb } from "../support/audit";
import { ORIGIN } from "../support/blobs";
import { capturingConsole } from "../support/ops";
import { ADMIN_TOKEN, admin, createAccount } from "../support/tokens";
import { fetchWith } from "../support/worker";

const asAdmin = (path: string, method = "POST") =>
  new Request(`${ORIGIN}/api/admin${path}`, { method, headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });

describe("the moment the row is written", () => {
  it("is before the answer is handed back: the insert has finished when the worker's fetch resolves", async () => {
    const events: string[] = [];
    const watched = watchedAuditDb(() => events.push("audit row written"));
    const account = await createAccount(["parts:read"]);
    const ctx = createExecutionContext();
    const res = await worker.fetch(asAdmin(`/accounts/${account.client_id}/disable`), { ...env, DB: watched }, ctx);
    events.push("answer handed back");
    await res.arrayBuffer();
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(200);
    expect(events).toEqual(["audit row written", "answer handed back"]);
  });
});

describe("an audit write that fails", () => {
  it("does not undo or fail the action: the answer is as it went, and the row goes to the error log", async () => {
    const account = await createAccount(["parts:read"]);
    const { result: res, errors } = await capturingConsole(() =>
      fetchWith(asAdmin(`/accounts/${account.client_id}/disable`), { DB: failingAuditDb() }),
    );

    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ client_id: account.client_id, disabled: true });
    expect(await (await admin(`/accounts/${account.client_id}`)).json()).toMatchObject({ disabled: true });
    expect(await rowsOfRequest(res)).toEqual([]);
    expect(errors).toContainEqual(
      expect.objectContaining({
        event: "audit_write_failed",
        request_id: res.headers.get("X-Request-Id"),
        sub: "static:ADMIN_TOKEN",
        action: "accounts.disable",
        target: { clientId: account.client_id },
        status: 200,
        message: expect.stringContaining("audit_log refused the write"),
      }),
    );
  });

  it("keeps an error answer as it was too", async () => {
    const { result: res, errors } = await capturingConsole(() => fetchWith(asAdmin("/accounts/sa_nobody000000/enable"), { DB: failingAuditDb() }));
    expect(res.status).toBe(404);
    expect(res.headers.get("Content-Type")).toBe("application/problem+json");
    expect(errors).toContainEqual(expect.objectContaining({ event: "audit_write_failed", status: 404, error: "not_found" }));
  });
});

describe("a handler that fails with a server error", () => {
  it("writes its row with status 500 and the problem code", async () => {
    const broken = new Proxy(env.BUCKET, {
      get(target, prop, receiver) {
        if (prop === "list") return () => Promise.reject(new Error("R2 list failed (test)"));
        const value = Reflect.get(target, prop, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const { result: res } = await capturingConsole(() => fetchWith(asAdmin("/gc?dry_run=1"), { BUCKET: broken }));
    expect(res.status).toBe(500);
    expect(await rowOfRequest(res)).toMatchObject({ action: "gc.run", status: 500, error: "internal", detail: null });
  });
});

describe("writeAudit", () => {
  it("bounds what it stores: long values are clipped and an oversized detail is replaced by a note", async () => {
    const requestId = `bounds-${crypto.randomUUID()}`;
    await writeAudit(env.DB, {
      sub: "s".repeat(5000),
      action: "test.bounds",
      target: { key: "k".repeat(5000) },
      requestId,
      detail: { list: Array.from({ length: 2000 }, (_, i) => `entry-${i}`) },
    });
    const row = await env.DB.prepare("SELECT sub, target, detail FROM audit_log WHERE request_id = ?1")
      .bind(requestId)
      .first<{ sub: string; target: string; detail: string }>();
    expect(row!.sub.length).toBeLessThan(300);
    expect(JSON.parse(row!.target).key.length).toBeLessThan(300);
    expect(JSON.parse(row!.detail)).toEqual({ truncated: true, chars: expect.any(Number) });
  });
});
