import { errors, ok, pathParam, schema } from "../http/openapi";
import { migrationRunResponse, migrationStatusResponse } from "./schemas";

export const migrationSchemas = {
  MigrationStatus: schema(migrationStatusResponse),
  MigrationRun: schema(migrationRunResponse),
};

/** The legacy-link and migration paths of the OpenAPI document (src/openapi.ts). */
export const migrationPaths = {
  "/api/legacy/attachments/{id}/{variant}": {
    parameters: [pathParam("id", { type: "integer" }), pathParam("variant", { enum: ["download", "view", "thumbnail"] })],
    get: {
      summary: "A not-yet-migrated attachment's signed link: migrates it and redirects to its CAS URL",
      description:
        "In the ro storage mode nothing is migrated: download and view answer 200 with the legacy bytes (not cacheable), thumbnail 503 with Retry-After.",
      responses: {
        "200": { description: "ro mode: the legacy bytes", content: { "*/*": { schema: { type: "string", format: "binary" } } } },
        "307": { description: "To the CAS URL" },
        ...errors(404, 503),
      },
    },
  },
  "/api/admin/migration": {
    get: { summary: "Legacy-to-CAS migration status", responses: { "200": ok("MigrationStatus"), ...errors(401, 403) } },
  },
  "/api/admin/migration/run": {
    post: {
      summary: "One migration batch now (?dry_run, ?batch_size)",
      responses: { "200": ok("MigrationRun", "The batch and the status after it"), ...errors(401, 403, 409) },
    },
  },
};
