import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { api } from "../support/api";
import { noise, sha256Hex } from "../support/esp-build";
import { type CoredumpJson, createDevice, createModel, deviceToken, privateBytes, sendCoredump } from "../support/firmware";

const put = (device: string, hash: string, dump: Uint8Array, token?: string) =>
  api(`/devices/${device}/coredumps/${hash}`, {
    method: "PUT",
    body: dump,
    headers: { "Content-Length": String(dump.length), ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  });
const rows = async (device: string) =>
  (await env.DB.prepare("SELECT count(*) AS n FROM coredumps WHERE device_key = ?1").bind(device).first<{ n: number }>())!.n;

describe("PUT /api/devices/:device/coredumps/:sha256 (import)", { timeout: 20_000 }, () => {
  it("stores a dump once per device and hash: 201, then 200 with the same row and nothing added", async () => {
    const device = await createDevice(await createModel());
    const dump = noise(600);
    const hash = await sha256Hex(dump);

    const first = await put(device, hash, dump);
    expect(first.status).toBe(201);
    const row = (await first.json()) as CoredumpJson;
    expect(row).toMatchObject({ device, sha256: hash, status: "PENDING" });
    expect(first.headers.get("Location")).toBe(`/api/coredumps/${row.id}`);
    expect(await privateBytes(hash)).toEqual(dump);

    const again = await put(device, hash, dump);
    expect(again.status).toBe(200);
    expect(((await again.json()) as CoredumpJson).id).toBe(row.id);
    expect(await rows(device)).toBe(1);
    // The same bytes for another device are that device's own dump.
    const other = await createDevice(await createModel());
    expect((await put(other, hash, dump)).status).toBe(201);
  });

  it("treats a dump the device itself sent as already there", async () => {
    const device = await createDevice(await createModel());
    const dump = noise(500);
    expect((await sendCoredump(await deviceToken(device), device, dump)).status).toBe(201);
    expect((await put(device, await sha256Hex(dump), dump)).status).toBe(200);
    expect(await rows(device)).toBe(1);
  });

  it("refuses a body that does not hash to the path (400), a malformed hash (400), an unknown device (404), and a device token (403)", async () => {
    const device = await createDevice(await createModel());
    const dump = noise(300);
    const wrong = await put(device, "0".repeat(64), dump);
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { type: string }).type).toBe("urn:cas-edge:problem:digest-mismatch");
    expect((await put(device, "ABC", dump)).status).toBe(400);
    expect((await put("no-such-device", await sha256Hex(dump), dump)).status).toBe(404);
    expect((await put(device, await sha256Hex(dump), dump, await deviceToken(device))).status).toBe(403);
    expect(await rows(device)).toBe(0);
  });
});
