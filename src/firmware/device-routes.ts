import { Hono } from "hono";
import type { z } from "zod";
import { noteAudit } from "../audit/trail";
import { declaredLength } from "../cas/write";
import { config } from "../config";
import { database } from "../db/client";
import type { AppEnv } from "../env";
import { AppError } from "../errors";
import { readBoundedBody } from "../http/bounded-body";
import { meteredD1 } from "../ops/d1-meter";
import { parseWith, readJson } from "../validation";
import { getDevice, noteRunningVersion, putDevice } from "./catalog";
import { importCoredump, listCoredumps, receiveCoredump } from "./coredumps";
import { requireOwnDevice } from "./device-auth";
import { listDevices } from "./listings";
import { signManifest } from "./manifest";
import { checkForUpdate } from "./ota";
import { coredumpJson, deviceJson } from "./responses";
import { recordReport } from "./rollouts/reports";
import { updateStatusBody } from "./rollouts/schemas";
import { type coredumpReceived, deviceListQuery, devicePut, listQuery, type OtaResponse, pathHash, pathKey, runningVersion } from "./schemas";
import { requireUpdateKeys } from "./update-keys";

/** Devices: registered by operators; OTA checks and coredump uploads by the device itself. */
export const deviceRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const query = parseWith(deviceListQuery, c.req.query(), "invalid_parameter");
    const { rows, next } = await listDevices(database(c.env.DB), query);
    return c.json({ devices: rows.map(deviceJson), next_cursor: next });
  })
  .put("/:device", async (c) => {
    const key = pathKey(c.req.param("device"), "device");
    const { device, created } = await putDevice(database(c.env.DB), key, await readJson(c, devicePut));
    return c.json(deviceJson(device), created ? 201 : 200);
  })
  .get("/:device", async (c) => c.json(deviceJson(await getDevice(database(c.env.DB), pathKey(c.req.param("device"), "device")))))
  .get("/:device/firmware", async (c) => {
    const key = c.req.param("device");
    requireOwnDevice(c, key);
    const raw = c.req.query("version") ?? c.req.header("X-Firmware-Version");
    if (raw === undefined) throw new AppError("invalid_parameter", "version: send the running version as ?version= or X-Firmware-Version.");
    const running = parseWith(runningVersion, raw, "invalid_parameter");
    // A store that cannot sign what it offers answers no check at all (503): the device keeps what it runs,
    // nothing is counted, and the missing secret shows on the first check rather than at the next release.
    await requireUpdateKeys(c.env);
    const meter = meteredD1(c.env.DB);
    const offer = await checkForUpdate(c.env, database(meter.db), key, running);
    // The answer names a signed link made for this device: no shared cache may keep it or hand it to another.
    // The rows D1 read for it (the guard's aside) show that a check costs the same in any fleet (npm run bench:ota).
    const headers = { "Cache-Control": "private, no-store", "Server-Timing": `d1-rows-read;desc=${meter.rowsRead()}` };
    if (!offer) return c.body(null, 204, headers);
    // The rollout's decision (rollout_id, allow_downgrade) is signed with the rest: a device only downgrades when the key says so.
    const { manifest, payload } = await signManifest(c.env, { ...offer, device: key });
    // The payload's fields beside the JWS are for logs and for devices that do not verify yet;
    // a device that verifies reads only the payload of the JWS it checked (README "Signed update manifests").
    return c.json({ manifest, ...payload } satisfies OtaResponse, 200, headers);
  })
  .post("/:device/update-status", async (c) => {
    const key = c.req.param("device");
    requireOwnDevice(c, key);
    const body = await readJson(c, updateStatusBody);
    const db = database(c.env.DB);
    await getDevice(db, key);
    await noteRunningVersion(db, key, body.version);
    return c.json(await recordReport(c.env.DB, key, body));
  })
  .post("/:device/coredumps", async (c) => {
    const key = c.req.param("device");
    requireOwnDevice(c, key);
    // The answer names the row, never a link to the dump: devices post dumps, they do not read them back.
    // Length first (411 without one), then read no more than it: a dump is parsed in memory.
    const max = config(c.env).maxCoredumpBytes;
    declaredLength(c.req.header("Content-Length") ?? null, max);
    const dump = await readBoundedBody(c.req.raw, max);
    if (dump.length === 0) throw new AppError("invalid_body", "The coredump is empty.");
    const raw = c.req.header("X-Firmware-Version");
    const version = raw === undefined ? null : parseWith(runningVersion, raw, "invalid_parameter");
    const row = await receiveCoredump(c.env, database(c.env.DB), key, dump, version);
    return c.json({ coredump_id: row.id } satisfies z.infer<typeof coredumpReceived>, 201, { Location: `/api/coredumps/${row.id}` });
  })
  // An operator's import of a dump another store received (npm run import:fleet): idempotent by its hash.
  .put("/:device/coredumps/:hash", async (c) => {
    const key = pathKey(c.req.param("device"), "device");
    const sha256 = pathHash(c.req.param("hash"));
    const max = config(c.env).maxCoredumpBytes;
    declaredLength(c.req.header("Content-Length") ?? null, max);
    const dump = await readBoundedBody(c.req.raw, max);
    if (dump.length === 0) throw new AppError("invalid_body", "The coredump is empty.");
    const { row, created } = await importCoredump(c.env, database(c.env.DB), key, sha256, dump);
    noteAudit(c, { coredump_id: row.id, created });
    return c.json(await coredumpJson(c.env, row), created ? 201 : 200, { Location: `/api/coredumps/${row.id}` });
  })
  .get("/:device/coredumps", async (c) => {
    const { limit } = parseWith(listQuery, c.req.query(), "invalid_parameter");
    const rows = await listCoredumps(database(c.env.DB), pathKey(c.req.param("device"), "device"), limit);
    return c.json(await Promise.all(rows.map((row) => coredumpJson(c.env, row))));
  });
