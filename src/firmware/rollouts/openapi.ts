import type { z } from "zod";
import { errors, ok, okList, pathParam, schema } from "../../http/openapi";
import { groupCreate, groupResponse, reportOutcome, rolloutActions, rolloutCreate, rolloutResponse, updateStatusBody } from "./schemas";

/** The paths of groups, rollouts and device update reports (firmware/openapi.ts adds them to the firmware paths). */
const input = (type: z.ZodType) => ({ required: true, content: { "application/json": { schema: schema(type, "input") } } });
export const rolloutSchemas = {
  DeviceGroup: schema(groupResponse),
  Rollout: schema(rolloutResponse),
  UpdateReport: schema(reportOutcome),
};
const id = pathParam("id", { type: "integer" });

const ACTIONS: Record<(typeof rolloutActions)[number], string> = {
  start: "Start a draft: its first stage opens (409 when another rollout of the same model or group runs)",
  pause: "Pause a running rollout: no device is offered it until it resumes (allowed in every storage mode)",
  resume: "Resume a paused or halted rollout",
  cancel: "Cancel a rollout that is not over (allowed in every storage mode)",
  advance: "Open the next stage now, whatever its soak and counts; past the last stage the rollout is finished",
};

export const rolloutPaths = {
  "/api/device-models/{model}/groups": {
    parameters: [pathParam("model")],
    get: { summary: "The model's device groups (saved tag filters)", responses: { "200": okList("DeviceGroup"), ...errors(401, 403, 404) } },
    post: {
      summary: "Save a group: the model's devices carrying every one of these tags",
      requestBody: input(groupCreate),
      responses: { "201": ok("DeviceGroup", "Created"), ...errors(400, 401, 403, 404, 409) },
    },
  },
  "/api/device-models/{model}/groups/{group}": {
    parameters: [pathParam("model"), pathParam("group")],
    delete: { summary: "Delete a group no live rollout names", responses: { "204": { description: "Deleted" }, ...errors(401, 403, 404, 409) } },
  },
  "/api/rollouts": {
    get: {
      summary: "Rollouts, newest first, with their stages' live counts",
      parameters: [
        { name: "model", in: "query", schema: { type: "string" } },
        { name: "state", in: "query", schema: { type: "string" } },
        { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100 } },
      ],
      responses: { "200": okList("Rollout", "Newest first"), ...errors(400, 401, 403) },
    },
    post: {
      summary: "Create a draft rollout of a firmware version to a model or a group, in stages",
      requestBody: input(rolloutCreate),
      responses: { "201": ok("Rollout", "Created"), ...errors(400, 401, 403, 422) },
    },
  },
  "/api/rollouts/{id}": {
    parameters: [id],
    get: {
      summary: "A rollout, its state and each stage's counts and failure ratio",
      responses: { "200": ok("Rollout"), ...errors(401, 403, 404) },
    },
  },
  ...Object.fromEntries(
    rolloutActions.map((action) => [
      `/api/rollouts/{id}/${action}`,
      { parameters: [id], post: { summary: ACTIONS[action], responses: { "200": ok("Rollout"), ...errors(401, 403, 404, 409) } } },
    ]),
  ),
  "/api/devices/{device}/update-status": {
    parameters: [pathParam("device")],
    post: {
      summary: "A device's report on its update (device token): downloading, installing, rebooted, success or failure",
      requestBody: input(updateStatusBody),
      responses: { "200": ok("UpdateReport", "Where the report was counted"), ...errors(400, 401, 403, 404, 409) },
    },
  },
};
