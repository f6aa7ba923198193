import { errors } from "../http/openapi";

/** The operator paths of the legacy cleanup and the orphan-blob GC in the OpenAPI document (src/openapi.ts). */
export const housekeepingPaths = {
  "/api/admin/migration/cleanup": {
    get: {
      summary: "Where the legacy cleanup pass stands, and what blocks it",
      responses: { "200": { description: "OK" }, ...errors(401, 403) },
    },
    post: {
      summary: "One budgeted step of the legacy cleanup (?dry_run, default true; ?cursor, ?budget_ms, ?max_objects)",
      responses: { "200": { description: "Progress: scanned, deleted, kept, cursor, done" }, ...errors(400, 401, 403, 409) },
    },
  },
  "/api/admin/gc": {
    get: { summary: "Where the orphan-blob GC pass stands", responses: { "200": { description: "OK" }, ...errors(401, 403) } },
    post: {
      summary: "One budgeted step of the orphan-blob GC (?dry_run, default true; ?grace_hours, ?cursor, ?budget_ms, ?max_objects)",
      responses: { "200": { description: "Progress: scanned, deleted, kept, cursor, done" }, ...errors(400, 401, 403, 409) },
    },
  },
};
