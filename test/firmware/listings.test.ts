import { describe, expect, it } from "vitest";
import { api } from "../support/api";
import { elfCoredump } from "../support/esp-build";
import { createDevice, createModel, deviceWithToken, sendCoredump, uniqueKey } from "../support/firmware";

interface DevicePage {
  devices: Array<{ key: string; model: string; firmware_version: string | null; last_seen_at: string | null }>;
  next_cursor: string | null;
}
interface CoredumpPage {
  coredumps: Array<Record<string, unknown> & { id: number; device: string; status: string }>;
  next_cursor: string | null;
}

async function page<T>(path: string): Promise<T> {
  const res = await api(path);
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json() as Promise<T>;
}

/** Every row of a listing, following next_cursor: the pages, as the client saw them. */
async function allPages<T extends { next_cursor: string | null }>(path: string): Promise<T[]> {
  const pages: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes("?") ? "&" : "?";
    const next: T = await page<T>(cursor === null ? path : `${path}${sep}cursor=${encodeURIComponent(cursor)}`);
    pages.push(next);
    cursor = next.next_cursor;
  } while (cursor !== null && pages.length < 50);
  return pages;
}

async function postDump(token: string, device: string): Promise<number> {
  const res = await sendCoredump(token, device, elfCoredump(null));
  expect(res.status).toBe(201);
  return ((await res.json()) as { coredump_id: number }).coredump_id;
}

describe("GET /api/devices", { timeout: 20_000 }, () => {
  it("pages a model's devices by key with their model and last-seen firmware, each once", async () => {
    const model = await createModel();
    const other = await createModel();
    const keys = await Promise.all(["c", "a", "e", "b", "d"].map((k) => createDevice(model, `${uniqueKey("dev")}-${k}`)));
    await createDevice(other);
    const pages = await allPages<DevicePage>(`/devices?model=${model}&limit=2`);
    expect(pages.map((p) => p.devices.length)).toEqual([2, 2, 1]);
    const listed = pages.flatMap((p) => p.devices);
    expect(listed.map((d) => d.key)).toEqual([...keys].sort());
    expect(listed.every((d) => d.model === model && d.firmware_version === null && d.last_seen_at === null)).toBe(true);
  });

  it("without a model, lists every device, the ones just made among them", async () => {
    const model = await createModel();
    const keys = [await createDevice(model), await createDevice(model)];
    const listed = (await allPages<DevicePage>("/devices?limit=100")).flatMap((p) => p.devices.map((d) => d.key));
    expect(listed).toEqual(expect.arrayContaining(keys));
    expect(new Set(listed).size).toBe(listed.length);
  });
});

describe("GET /api/coredumps", { timeout: 30_000 }, () => {
  it("pages the queue newest first, by device and by status, without parse results", async () => {
    const model = await createModel();
    const { device, token } = await deviceWithToken(model);
    const other = await deviceWithToken(model);
    const ids = [
      await postDump(token, device),
      await postDump(other.token, other.device),
      await postDump(token, device),
      await postDump(token, device),
    ];

    const byDevice = await allPages<CoredumpPage>(`/coredumps?device=${device}&limit=2`);
    expect(byDevice.map((p) => p.coredumps.map((c) => c.id))).toEqual([[ids[3], ids[2]], [ids[0]]]);
    const first = byDevice[0]!.coredumps[0]!;
    expect(first).toMatchObject({ device, status: "PENDING", firmware_version: null });
    expect(first).not.toHaveProperty("parse_result");
    expect(first.download_url).toMatch(/^\/api\/private\/[0-9a-f]{64}\?/);

    // A status no dump of this device has, and the one they all have.
    expect((await page<CoredumpPage>(`/coredumps?device=${device}&status=PARSED`)).coredumps).toEqual([]);
    expect((await page<CoredumpPage>(`/coredumps?device=${device}&status=PENDING`)).coredumps.map((c) => c.id)).toEqual([ids[3], ids[2], ids[0]]);

    const overall = (await allPages<CoredumpPage>("/coredumps?status=PENDING&limit=3")).flatMap((p) => p.coredumps.map((c) => c.id));
    expect(overall).toEqual(expect.arrayContaining(ids));
    expect(overall).toEqual([...overall].sort((a, b) => b - a));
    const everything = (await allPages<CoredumpPage>("/coredumps?limit=3")).flatMap((p) => p.coredumps.map((c) => c.id));
    expect(everything).toEqual(expect.arrayContaining(ids));
    expect(new Set(everything).size).toBe(everything.length);
  });
});
