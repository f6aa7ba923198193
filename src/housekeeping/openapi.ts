import { errors, ok, schema } from "../http/openapi";
import * as s from "./schemas";

export const housekeepingSchemas = {
  PassState: schema(s.passState),
  CleanupState: schema(s.cleanupState),
  CleanupProgress: schema(s.cleanupProgress),
  GcProgress: schema(s.gcProgress),
  VisibilityProgress: schema(s.visibilityProgress),
};

/** The operator paths of the legacy cleanup, the orphan-blob GC and the visibility pass in the OpenAPI document (src/openapi.ts). */
export const housekeepingPaths = {
  "/api/admin/migration/cleanup": {
    get: {
      summary: "Where the legacy cleanup pass stands, and what blocks it",
      responses: { "200": ok("CleanupState"), ...errors(401, 403) },
    },
    post: {
      summary: "One budgeted step of the legacy cleanup (?dry_run, default true; ?cursor, ?budget_ms, ?max_objects)",
      responses: { "200": ok("CleanupProgress", "Progress: call again with its cursor until done"), ...errors(400, 401, 403, 409) },
    },
  },
  "/api/admin/gc": {
    get: { summary: "Where the orphan-blob GC pass stands", responses: { "200": ok("PassState"), ...errors(401, 403) } },
    post: {
      summary:
        "One budgeted step of the orphan-blob GC over cas/ and private/cas/ (?dry_run, default true; ?grace_hours, ?cursor, ?budget_ms, ?max_objects)",
      responses: { "200": ok("GcProgress", "Progress: call again with its cursor until done"), ...errors(400, 401, 403, 409) },
    },
  },
  "/api/admin/visibility": {
    get: { summary: "Where the visibility pass stands", responses: { "200": ok("PassState"), ...errors(401, 403) } },
    post: {
      summary:
        "One budgeted step of the visibility pass: rows reading the wrong copy (public/private) are moved, and a source copy nothing reads is deleted (?dry_run, default true; ?grace_hours, ?cursor, ?budget_ms, ?max_objects counts rows)",
      responses: {
        "200": ok("VisibilityProgress", "Progress: call again with its cursor until done"),
        ...errors(400, 401, 403, 409),
      },
    },
  },
};
