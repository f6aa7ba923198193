import { errors, json, schema } from "../http/openapi";
import { auditEntry, auditPage, DEFAULT_LIMIT, MAX_LIMIT } from "./schemas";

/** The audit trail's part of the OpenAPI document (src/openapi.ts). */
export const auditSchemas = {
  AuditEntry: schema(auditEntry),
  AuditPage: schema(auditPage),
};

const query = (name: string, description: string, type: object = { type: "string" }) => ({
  name,
  in: "query",
  required: false,
  description,
  schema: type,
});

export const auditPaths = {
  "/api/admin/audit": {
    get: {
      summary: "The audit trail, newest first: who did which admin or destructive action, on what, with what outcome",
      parameters: [
        query("limit", `Rows per page (default ${DEFAULT_LIMIT})`, { type: "integer", minimum: 1, maximum: MAX_LIMIT }),
        query("cursor", "The `next_cursor` of the previous page"),
        query("sub", "Only rows of this caller (client_id, device key, static:<TOKEN_NAME>, cron)"),
        query("action", "Only rows of this action (accounts.rotate, parts.delete, gc.run, …)"),
        query("since", "Only rows written at or after this time (ISO 8601)", { type: "string", format: "date-time" }),
        query("until", "Only rows written before this time (ISO 8601)", { type: "string", format: "date-time" }),
      ],
      responses: { "200": { description: "A page of rows", ...json("AuditPage") }, ...errors(400, 401, 403) },
    },
  },
};
