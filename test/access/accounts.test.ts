import { describe, expect, it } from "vitest";
import { admin, createAccount, tokenWith } from "../support/tokens";

describe("/api/admin/accounts", () => {
  it("creates an account, returning its secret once; lists and shows it without any secret", async () => {
    const res = await admin("/accounts", { method: "POST", json: { name: "uploader", scopes: ["cas:write", "parts:write"] } });
    expect(res.status).toBe(201);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const created = (await res.json()) as { client_id: string; client_secret: string; scopes: string[]; secrets: string[]; disabled: boolean };
    expect(created.client_id).toMatch(/^sa_[\w-]{16}$/);
    expect(created.client_secret).toMatch(/^cs_[\w-]{43}$/);
    expect(created).toMatchObject({ scopes: ["cas:write", "parts:write"], disabled: false });
    expect(created.secrets).toHaveLength(1);

    const list = await (await admin("/accounts")).text();
    expect(list).toContain(created.client_id);
    expect(list).not.toContain(created.client_secret);
    expect(list).not.toContain("pbkdf2");
    const one = await (await admin(`/accounts/${created.client_id}`)).json();
    expect(one).toMatchObject({ client_id: created.client_id, name: "uploader", device_key: null, last_used_at: null });
    expect(one).not.toHaveProperty("client_secret");
  });

  it("refuses unknown scopes, empty names and no scopes with 400 naming the field", async () => {
    for (const [json, field] of [
      [{ name: "x", scopes: ["root"] }, "scopes"],
      [{ name: "", scopes: ["admin"] }, "name"],
      [{ name: "x", scopes: [] }, "scopes"],
      [{ name: "x", scopes: ["device"], device_key: "has space" }, "device_key"],
    ] as const) {
      const res = await admin("/accounts", { method: "POST", json });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { detail: string }).detail).toContain(field);
    }
  });

  it("answers 404 for an unknown account", async () => {
    for (const action of ["rotate", "retire", "disable", "enable"]) {
      expect((await admin(`/accounts/sa_nobody/${action}`, { method: "POST" })).status).toBe(404);
    }
    expect((await admin("/accounts/sa_nobody")).status).toBe(404);
  });

  it("needs the admin scope: an account with admin can create the next one (no static token needed)", async () => {
    const { token: nonAdmin } = await tokenWith(["parts:read"]);
    expect((await admin("/accounts", { token: nonAdmin })).status).toBe(403);
    const { token: operator } = await tokenWith(["admin"]);
    const res = await admin("/accounts", { method: "POST", token: operator, json: { name: "made by an account", scopes: ["parts:read"] } });
    expect(res.status).toBe(201);
  });

  it("disable and enable flip the flag", async () => {
    const account = await createAccount(["parts:read"]);
    const disabled = await admin(`/accounts/${account.client_id}/disable`, { method: "POST" });
    expect(((await disabled.json()) as { disabled: boolean }).disabled).toBe(true);
    const enabled = await admin(`/accounts/${account.client_id}/enable`, { method: "POST" });
    expect(((await enabled.json()) as { disabled: boolean }).disabled).toBe(false);
  });
});
