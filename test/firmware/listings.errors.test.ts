import { describe, expect, it } from "vitest";
import { api } from "../support/api";
import { as, createModel } from "../support/firmware";
import { tokenWith } from "../support/tokens";

async function problem(res: Response): Promise<{ status: number; type: string; detail: string }> {
  expect(res.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
  return res.json() as Promise<{ status: number; type: string; detail: string }>;
}

describe("GET /api/devices and GET /api/coredumps refuse what they cannot answer", () => {
  it.each([
    ["/devices?limit=0", /limit/],
    ["/devices?limit=101", /limit/],
    ["/devices?model=no%20such", /model/],
    ["/devices?cursor=%2F..%2F", /cursor/],
    ["/coredumps?status=DONE", /status/],
    ["/coredumps?cursor=0", /cursor/],
    ["/coredumps?cursor=abc", /cursor/],
    ["/coredumps?limit=x", /limit/],
  ])("%s: 400 naming the parameter", async (path, named) => {
    const res = await api(path);
    expect(res.status).toBe(400);
    expect((await problem(res)).detail).toMatch(named);
  });

  it("an unknown model or device is not found, not an empty page", async () => {
    const model = await api("/devices?model=no-such-model");
    expect(model.status).toBe(404);
    expect((await problem(model)).detail).toContain('No device model "no-such-model"');
    const device = await api("/coredumps?device=no-such-device");
    expect(device.status).toBe(404);
    expect((await problem(device)).detail).toContain('No device "no-such-device"');
  });

  it("a token without parts:read is refused, a device's own token too", async () => {
    await createModel();
    const { token } = await tokenWith(["cas:write"]);
    for (const path of ["/devices", "/coredumps"]) {
      const res = await as(token, path);
      expect(res.status).toBe(403);
      expect((await problem(res)).detail).toContain("parts:read");
    }
    const device = await tokenWith([], { device: "listing-device" });
    expect((await as(device.token, "/coredumps")).status).toBe(403);
  });
});
