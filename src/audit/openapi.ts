import { errors, json, queryParam, schema } from "../http/openapi";
import { auditEntry, auditPage, DEFAULT_LIMIT, MAX_LIMIT } from "./schemas";

/** The audit trail's part of the OpenAPI document (src/openapi.ts). */
export const auditSchemas = {
  AuditEntry: schema(auditEntry),
  AuditPage: schema(auditPage),
};

export const auditPaths = {
  "/api/admin/audit": {
    get: {
      summary: "The audit trail, newest first: who did which admin or destructive action, on what, with what outcome",
      parameters: [
        queryParam("limit", `Rows per page (default ${DEFAULT_LIMIT})`, { type: "integer", minimum: 1, maximum: MAX_LIMIT }),
        queryParam("cursor", "The `next_cursor` of the previous page"),
        queryParam("sub", "Only rows of this caller (client_id, device key, static:<TOKEN_NAME>, cron)"),
        queryParam("action", "Only rows of this action (accounts.rotate, parts.delete, gc.run, …)"),
        queryParam("since", "Only rows written at or after this time (ISO 8601)", { type: "string", format: "date-time" }),
        queryParam("until", "Only rows written before this time (ISO 8601)", { type: "string", format: "date-time" }),
      ],
      responses: { "200": { description: "A page of rows", ...json("AuditPage") }, ...errors(400, 401, 403) },
    },
  },
};
