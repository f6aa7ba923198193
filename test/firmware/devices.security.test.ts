import { describe, expect, it } from "vitest";
import { api } from "../support/api";
import { noise } from "../support/esp-build";
import { as, createModel, deviceWithToken, publish, sendCoredump } from "../support/firmware";
import { tokenWith } from "../support/tokens";

describe("device isolation", { timeout: 20_000 }, () => {
  it("a device's token cannot check for updates or send dumps as another device", async () => {
    const model = await createModel();
    await publish(model, "1.0.0");
    const a = await deviceWithToken(model);
    const b = await deviceWithToken(model);

    const ota = await as(a.token, `/devices/${b.device}/firmware?version=0.1.0`);
    expect(ota.status).toBe(404);
    expect(ota.headers.get("Content-Type")).toBe("application/problem+json");
    const dump = await sendCoredump(a.token, b.device, noise(100));
    expect(dump.status).toBe(404);
    // Nothing was recorded for B, and B's last seen version did not move.
    expect(await (await api(`/devices/${b.device}/coredumps`)).json()).toEqual([]);
    expect(((await (await api(`/devices/${b.device}`)).json()) as { firmware_version: string | null }).firmware_version).toBeNull();
    // An unknown device looks exactly the same to it.
    expect((await as(a.token, "/devices/no-such-device/firmware?version=0.1.0")).status).toBe(404);
    // Its own device works.
    expect((await as(a.token, `/devices/${a.device}/firmware?version=0.1.0`)).status).toBe(200);
  });

  it("a device's token reaches no operator or parser endpoint, not even its own dumps", async () => {
    const model = await createModel();
    const a = await deviceWithToken(model);
    const sent = (await (await sendCoredump(a.token, a.device, noise(100))).json()) as { coredump_id: number };
    for (const [method, path] of [
      ["GET", `/devices/${a.device}`],
      ["GET", `/devices/${a.device}/coredumps`],
      ["GET", `/coredumps/${sent.coredump_id}`],
      ["DELETE", `/coredumps/${sent.coredump_id}`],
      ["POST", "/coredumps/claim"],
      ["GET", `/device-models/${model}`],
      ["PUT", `/devices/${a.device}`],
    ]) {
      expect((await as(a.token, path!, { method })).status, `${method} ${path}`).toBe(403);
    }
  });

  it("operator and parser tokens, having no device, cannot act as a device", async () => {
    const model = await createModel();
    const a = await deviceWithToken(model);
    const { token: parser } = await tokenWith(["coredumps:parse"]);
    expect((await api(`/devices/${a.device}/firmware?version=1.0.0`)).status).toBe(403);
    expect((await as(parser, `/devices/${a.device}/firmware?version=1.0.0`)).status).toBe(403);
  });
});

describe("devices", () => {
  it("are registered under an existing model and moved between models", async () => {
    const first = await createModel();
    const second = await createModel();
    const put = (key: string, json: unknown) => api(`/devices/${key}`, { method: "PUT", json });
    expect((await put("gw-1", { model: first })).status).toBe(201);
    expect((await put("gw-1", { model: second, name: "Hall" })).status).toBe(200);
    expect(await (await api("/devices/gw-1")).json()).toMatchObject({ key: "gw-1", model: second, name: "Hall", firmware_version: null });
    expect((await put("gw-2", { model: "nope" })).status).toBe(422);
    expect((await put("gw-2", { name: "no model" })).status).toBe(400);
    expect((await api("/devices/gw-2")).status).toBe(404);
  });
});
