import { accessPaths, accessSchemas, securitySchemes, withPolicy } from "./access/openapi";
import { attachmentPaths, attachmentSchemas } from "./attachments/openapi";
import { auditPaths, auditSchemas } from "./audit/openapi";
import { casPaths, casSchemas } from "./cas/openapi";
import { firmwarePaths, firmwareSchemas } from "./firmware/openapi";
import { housekeepingPaths, housekeepingSchemas } from "./housekeeping/openapi";
import { ok, problemSchema, schema } from "./http/openapi";
import { limitsResponse } from "./limits";
import { migrationPaths, migrationSchemas } from "./migration/openapi";
import { opsPaths } from "./ops/openapi";
import { searchPaths, searchSchemas } from "./search/openapi";
import { uploadPaths, uploadSchemas } from "./uploads/openapi";
import { webPaths } from "./web/openapi";

/**
 * OpenAPI 3.1 for the whole worker, assembled from the part each capability
 * keeps beside its routes; each operation's scope comes from the policy table
 * (withPolicy), which refuses a documented path the table lacks.
 */
export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: { title: "cas-edge", version: "1.0.0", description: "Content-addressed blobs at the edge, and the parts and attachments that name them." },
    components: {
      securitySchemes,
      schemas: {
        Problem: problemSchema,
        ...attachmentSchemas,
        ...casSchemas,
        ...accessSchemas,
        ...uploadSchemas,
        ...auditSchemas,
        ...searchSchemas,
        ...firmwareSchemas,
        ...housekeepingSchemas,
        ...migrationSchemas,
        Limits: schema(limitsResponse),
      },
    },
    security: [{ bearer: [] }],
    paths: withPolicy({
      ...accessPaths,
      ...casPaths,
      ...uploadPaths,
      ...attachmentPaths,
      ...searchPaths,
      ...opsPaths,
      ...webPaths,
      ...migrationPaths,
      ...housekeepingPaths,
      ...auditPaths,
      "/api/openapi.json": {
        get: {
          summary: "This document",
          responses: {
            "200": {
              description: "OpenAPI 3.1",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    required: ["openapi", "info", "paths"],
                    properties: { openapi: { type: "string" }, info: { type: "object" }, paths: { type: "object" }, components: { type: "object" } },
                  },
                },
              },
            },
          },
        },
      },
      "/api/limits": {
        get: {
          summary: "The most bytes each kind of request body may have, and which routes take which kind",
          description:
            "A declared Content-Length over a route's limit is answered 413 before any byte is read; a client can check a file against these first.",
          responses: { "200": ok("Limits", "`bodies`: bytes per body kind; `routes`: method, path, body kind and max_bytes") },
        },
      },
      ...firmwarePaths,
    }),
  };
}
