import { errors } from "../http/openapi";

const check = {
  type: "object",
  required: ["ok", "ms"],
  properties: { ok: { type: "boolean" }, ms: { type: "number" }, error: { type: "string", description: "timeout or unavailable" } },
  additionalProperties: false,
};
const answer = (status: string, extra: Record<string, object> = {}) => ({
  content: {
    "application/json": {
      schema: {
        type: "object",
        required: ["status", ...Object.keys(extra)],
        properties: { status: { const: status }, ...extra },
        additionalProperties: false,
      },
    },
  },
});
const checks = {
  type: "object",
  required: ["d1", "r2", "durable_object"],
  properties: { d1: check, r2: check, durable_object: check },
  additionalProperties: false,
};

/** The health paths of the OpenAPI document (src/openapi.ts): no token, nothing secret. */
export const opsPaths = {
  "/health": { get: { summary: "Liveness: no I/O", security: [], responses: { "200": { description: "Alive", ...answer("ok") } } } },
  "/health/ready": {
    get: {
      summary: "Readiness: D1, R2 and the Durable Object, each with its latency",
      security: [],
      responses: { "200": { description: "Ready", ...answer("ready", { checks }) }, ...errors(503) },
    },
  },
};
