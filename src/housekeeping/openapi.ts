import { errors, ok, queryParam, schema } from "../http/openapi";
import * as s from "./schemas";

export const housekeepingSchemas = {
  PassStatus: schema(s.passStatus),
  CleanupStatus: schema(s.cleanupStatus),
  CleanupProgress: schema(s.cleanupProgress),
  GcProgress: schema(s.gcProgress),
  VisibilityProgress: schema(s.visibilityProgress),
};

/** What each POST step takes (routes.ts validates the same). */
const stepParams = [
  queryParam("dry_run", "Decide and count, delete nothing (default true)", { enum: ["0", "1", "true", "false"] }),
  queryParam("cursor", "Where a dry run resumes: the `cursor` the last dry step returned (a real pass keeps its own)", { type: "string" }),
  queryParam("budget_ms", "Time this step may take", { type: "integer", minimum: 100, maximum: 60000 }),
  queryParam("max_objects", "Objects this step may decide", { type: "integer", minimum: 1, maximum: 1000000 }),
];
const graceParam = queryParam("grace_hours", "Keep blobs claimed this recently (default 24)", { type: "number", minimum: 1 / 60, maximum: 24 * 365 });

/** The operator paths of the legacy cleanup, the orphan-blob GC and the visibility pass in the OpenAPI document (src/openapi.ts). */
export const housekeepingPaths = {
  "/api/admin/migration/cleanup": {
    get: {
      summary: "Where the legacy cleanup pass stands, and what blocks it",
      responses: { "200": ok("CleanupStatus"), ...errors(401, 403) },
    },
    post: {
      summary: "One budgeted step of the legacy cleanup (?dry_run, default true; ?cursor, ?budget_ms, ?max_objects)",
      parameters: stepParams,
      responses: { "200": ok("CleanupProgress", "Progress: call again until done"), ...errors(400, 401, 403, 409) },
    },
  },
  "/api/admin/gc": {
    get: { summary: "Where the orphan-blob GC pass stands", responses: { "200": ok("PassStatus"), ...errors(401, 403) } },
    post: {
      summary:
        "One budgeted step of the orphan-blob GC over cas/ and private/cas/ (?dry_run, default true; ?grace_hours, ?cursor, ?budget_ms, ?max_objects)",
      parameters: [...stepParams, graceParam],
      responses: { "200": ok("GcProgress", "Progress: call again until done"), ...errors(400, 401, 403, 409) },
    },
  },
  "/api/admin/visibility": {
    get: { summary: "Where the visibility pass stands", responses: { "200": ok("PassStatus"), ...errors(401, 403) } },
    post: {
      summary:
        "One budgeted step of the visibility pass: rows reading the wrong copy (public/private) are moved, and a source copy nothing reads is deleted (?dry_run, default true; ?grace_hours, ?cursor, ?budget_ms, ?max_objects counts rows)",
      parameters: [...stepParams, graceParam],
      responses: {
        "200": ok("VisibilityProgress", "Progress: call again until done"),
        ...errors(400, 401, 403, 409),
      },
    },
  },
};
