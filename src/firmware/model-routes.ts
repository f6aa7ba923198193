import { Hono } from "hono";
import { noteAudit } from "../audit/trail";
import { declaredLength } from "../cas/write";
import { database } from "../db/client";
import type { AppEnv } from "../env";
import { AppError } from "../errors";
import { readJson } from "../validation";
import { createModel, getModel, listModels } from "./catalog";
import { firmwareJson, modelJson } from "./responses";
import { type FirmwareUploadResponse, type ModelWithFirmware, modelCreate, pathKey, pathVersion } from "./schemas";
import { uploadFirmware, zipLimits } from "./upload";
import { type FirmwareWithArtifacts, getFirmware, listFirmware } from "./versions";

const firmwareList = (env: Env, list: FirmwareWithArtifacts[]) => Promise.all(list.map((f) => firmwareJson(env, f)));

/** Device models and their firmware versions (operators). */
export const modelRoutes = new Hono<AppEnv>()
  .post("/", async (c) => {
    const model = await createModel(database(c.env.DB), await readJson(c, modelCreate));
    return c.json(modelJson(model), 201, { Location: `/api/device-models/${model.key}` });
  })
  .get("/", async (c) => c.json((await listModels(database(c.env.DB))).map(modelJson)))
  .get("/:model", async (c) => {
    const db = database(c.env.DB);
    const model = await getModel(db, pathKey(c.req.param("model"), "device model"));
    return c.json({ ...modelJson(model), firmware: await firmwareList(c.env, await listFirmware(db, model.key)) } satisfies ModelWithFirmware);
  })
  .post("/:model/firmware", async (c) => {
    const db = database(c.env.DB);
    const model = pathKey(c.req.param("model"), "device model");
    const length = declaredLength(c.req.header("Content-Length") ?? null, zipLimits(c.env).maxArchiveBytes);
    if (length === 0 || !c.req.raw.body) throw new AppError("invalid_body", "The body is empty; send the firmware ZIP.");
    const { firmware, created, pruned } = await uploadFirmware(c.env, db, model, c.req.raw.body);
    // Pruning is how firmware is deleted (at most MAX_FIRMWARES versions a model): the row names what went.
    noteAudit(c, { version: firmware.version.version, created, pruned_versions: pruned });
    const location = `/api/device-models/${model}/firmware/${encodeURIComponent(firmware.version.version)}`;
    const answer: FirmwareUploadResponse = { ...(await firmwareJson(c.env, firmware)), pruned_versions: pruned };
    return c.json(answer, created ? 201 : 200, { Location: location });
  })
  .get("/:model/firmware", async (c) => {
    const db = database(c.env.DB);
    const model = await getModel(db, pathKey(c.req.param("model"), "device model"));
    return c.json(await firmwareList(c.env, await listFirmware(db, model.key)));
  })
  .get("/:model/firmware/:version", async (c) => {
    const model = pathKey(c.req.param("model"), "device model");
    const firmware = await getFirmware(database(c.env.DB), model, pathVersion(c.req.param("version"), model));
    return c.json(await firmwareJson(c.env, firmware));
  });
