import { describe, expect, it } from "vitest";
import { API_TOKEN, api, createPart, pngBytes, upload } from "../support/api";
import { rowOfRequest } from "../support/audit";
import { ORIGIN } from "../support/blobs";
import { elfCoredump, espBuild, zip } from "../support/esp-build";
import { createModel, deviceWithToken, publish, sendCoredump } from "../support/firmware";
import { admin } from "../support/tokens";
import { fetchWith } from "../support/worker";

/** Each kind of audited action, done for real through the front door, and the row it leaves. */

const ADMIN = "static:ADMIN_TOKEN";
const API = "static:API_TOKEN";

describe("audit rows of service-account changes", () => {
  it("records create, rotate, retire, disable and enable with the account as target", async () => {
    const created = await admin("/accounts", { method: "POST", json: { name: "audited client", scopes: ["parts:read"] } });
    expect(created.status).toBe(201);
    const { client_id } = (await created.clone().json()) as { client_id: string };
    expect(await rowOfRequest(created)).toMatchObject({
      sub: ADMIN,
      action: "accounts.create",
      target: null,
      status: 201,
      error: null,
      detail: { client_id, scopes: ["parts:read"], device_key: null },
    });

    for (const step of ["rotate", "retire", "disable", "enable"]) {
      const res = await admin(`/accounts/${client_id}/${step}`, { method: "POST" });
      expect(res.status, step).toBe(200);
      const row = await rowOfRequest(res);
      expect(row, step).toMatchObject({ sub: ADMIN, action: `accounts.${step}`, target: { clientId: client_id }, status: 200, error: null });
      expect(row.request_id, step).toBe(res.headers.get("X-Request-Id"));
      expect(row.at, step).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
  });

  it("never records the secret an answer carries", async () => {
    const created = await admin("/accounts", { method: "POST", json: { name: "secret keeper", scopes: ["parts:read"] } });
    const { client_id, client_secret } = (await created.clone().json()) as { client_id: string; client_secret: string };
    const rotated = await admin(`/accounts/${client_id}/rotate`, { method: "POST" });
    const second = ((await rotated.clone().json()) as { client_secret: string }).client_secret;
    for (const [res, secret] of [
      [created, client_secret],
      [rotated, second],
    ] as const) {
      expect(JSON.stringify(await rowOfRequest(res))).not.toContain(secret);
    }
  });

  it("records a refusal by the handler with its status and problem code", async () => {
    const res = await admin("/accounts/sa_doesnotexist0/disable", { method: "POST" });
    expect(res.status).toBe(404);
    expect(await rowOfRequest(res)).toMatchObject({
      action: "accounts.disable",
      target: { clientId: "sa_doesnotexist0" },
      status: 404,
      error: "not_found",
    });
  });
});

describe("audit rows of the storage mode", () => {
  it("records each switch with the mode it left in force", async () => {
    const to = await admin("/mode", { method: "PUT", json: { mode: "rw" } });
    const back = await admin("/mode", { method: "PUT", json: { mode: null } });
    expect(await rowOfRequest(to)).toMatchObject({
      sub: ADMIN,
      action: "mode.set",
      target: null,
      status: 200,
      detail: { mode: "rw", source: "runtime" },
    });
    expect(await rowOfRequest(back)).toMatchObject({ action: "mode.set", detail: { mode: "edit", source: "STORAGE_MODE" } });
  });
});

describe("audit rows of deletes", () => {
  it("records a part's delete, and an attachment's, with the path's key and id", async () => {
    const { key } = await createPart("audited part");
    const attached = await upload(key, pngBytes(), { type: "image/png", filename: "a.png" });
    const { id } = (await attached.json()) as { id: number };

    const attachment = await api(`/parts/${key}/attachments/${id}`, { method: "DELETE" });
    expect(attachment.status).toBe(204);
    expect(await rowOfRequest(attachment)).toMatchObject({ sub: API, action: "attachments.delete", target: { key, id: String(id) }, status: 204 });

    const part = await api(`/parts/${key}`, { method: "DELETE" });
    expect(part.status).toBe(204);
    expect(await rowOfRequest(part)).toMatchObject({ sub: API, action: "parts.delete", target: { key }, status: 204, error: null });

    const again = await api(`/parts/${key}`, { method: "DELETE" });
    expect(await rowOfRequest(again)).toMatchObject({ action: "parts.delete", target: { key }, status: 404, error: "not_found" });
  });

  it("records the path's parameters decoded, as the handler saw them, and never the query string", async () => {
    const res = await api("/parts/no%20such%2Fpart%3F?reason=secret-ticket-42", { method: "DELETE" });
    expect(res.status).toBe(404);
    const row = await rowOfRequest(res);
    expect(row.target).toEqual({ key: "no such/part?" });
    expect(JSON.stringify(row)).not.toContain("secret-ticket-42");
  });

  it("records a coredump's delete", async () => {
    const model = await createModel();
    const build = await publish(model, "1.0.0");
    const { device, token } = await deviceWithToken(model);
    const sent = await sendCoredump(token, device, elfCoredump(build.elfSha256.slice(0, 9)));
    const { coredump_id } = (await sent.json()) as { coredump_id: number };

    const res = await api(`/coredumps/${coredump_id}`, { method: "DELETE" });
    expect(res.status).toBe(204);
    expect(await rowOfRequest(res)).toMatchObject({ sub: API, action: "coredumps.delete", target: { id: String(coredump_id) }, status: 204 });
  });

  it("records a firmware upload with the versions it pruned", async () => {
    const model = await createModel();
    const send = async (version: string) => {
      const body = zip((await espBuild({ version })).files);
      const request = new Request(`${ORIGIN}/api/device-models/${model}/firmware`, {
        method: "POST",
        body,
        headers: { Authorization: `Bearer ${API_TOKEN}`, "Content-Type": "application/zip", "Content-Length": String(body.length) },
      });
      // One version a model: the second upload prunes the first.
      return fetchWith(request, { MAX_FIRMWARES: "1" });
    };
    const first = await send("1.0.0");
    const second = await send("2.0.0");
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(await rowOfRequest(first)).toMatchObject({
      action: "firmware.upload",
      target: { model },
      status: 201,
      detail: { version: "1.0.0", created: true, pruned_versions: [] },
    });
    expect(await rowOfRequest(second)).toMatchObject({ action: "firmware.upload", detail: { version: "2.0.0", pruned_versions: ["1.0.0"] } });
  });
});

describe("audit rows of operator runs", () => {
  it("records a migration batch, a cleanup step and a GC step with their figures", async () => {
    const migration = await admin("/migration/run?dry_run=1", { method: "POST" });
    const cleanup = await admin("/migration/cleanup", { method: "POST" });
    const gc = await admin("/gc?dry_run=1", { method: "POST" });
    expect([migration.status, cleanup.status, gc.status]).toEqual([200, 200, 200]);

    expect(await rowOfRequest(migration)).toMatchObject({
      sub: ADMIN,
      action: "migration.run",
      status: 200,
      detail: { dry_run: true, migrated: 0, failed: 0, would_migrate: expect.any(Number) },
    });
    const gcBody = (await gc.json()) as { scanned: number; deleted: number; stopped_by: string };
    expect(await rowOfRequest(gc)).toMatchObject({
      action: "gc.run",
      detail: { dry_run: true, scanned: gcBody.scanned, deleted: gcBody.deleted, stopped_by: gcBody.stopped_by, thumbnails_deleted: 0 },
    });
    expect(await rowOfRequest(cleanup)).toMatchObject({ action: "migration.cleanup", detail: { dry_run: true, stopped_by: expect.any(String) } });
  });
});
