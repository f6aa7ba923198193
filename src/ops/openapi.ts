import { errors } from "../http/openapi";

/** The health paths of the OpenAPI document (src/openapi.ts): no token, nothing secret. */
export const opsPaths = {
  "/health": { get: { summary: "Liveness: no I/O", security: [], responses: { "200": { description: "Alive" } } } },
  "/health/ready": {
    get: {
      summary: "Readiness: D1, R2 and the Durable Object, each with its latency",
      security: [],
      responses: { "200": { description: "Ready" }, ...errors(503) },
    },
  },
};
