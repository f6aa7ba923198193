import { z } from "zod";

/** A point in time as ISO 8601 (a date is its midnight UTC), normalised to the `at` column's form for comparing. */
const instant = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], { error: "must be an ISO 8601 date or date-time, e.g. 2026-05-01T12:00:00Z" })
  .transform((value) => new Date(value).toISOString());

export const MAX_LIMIT = 200;
export const DEFAULT_LIMIT = 50;

/** GET /api/admin/audit's query. `since` is inclusive, `until` exclusive. */
export const auditQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
    cursor: z.string().min(1).max(200).optional(),
    sub: z.string().min(1).max(256).optional(),
    action: z.string().min(1).max(256).optional(),
    since: instant.optional(),
    until: instant.optional(),
  })
  .refine((q) => q.since === undefined || q.until === undefined || q.since < q.until, { message: "must be before until", path: ["since"] });

export type AuditQuery = z.infer<typeof auditQuery>;

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string().describe("When the row was written (ISO 8601, UTC)"),
  sub: z.string().describe('Who: the service account, device key or static:<TOKEN_NAME> the guard let in, or "cron"'),
  action: z.string().describe("What: accounts.rotate, parts.delete, gc.run, …"),
  target: z.record(z.string(), z.string()).nullable().describe("The route's path parameters by name"),
  request_id: z.string().nullable(),
  status: z.number().int().nullable().describe("The HTTP status of the answer (null for a cron run)"),
  error: z.string().nullable().describe("The problem code of a failed request, or why a cron run failed"),
  detail: z.record(z.string(), z.unknown()).nullable().describe("Figures: a cron run's counts, the versions an upload pruned, …"),
});

export const auditPage = z.object({
  entries: z.array(auditEntry),
  next_cursor: z.string().nullable().describe("Pass as `cursor` for the next (older) page; null on the last"),
});

export type AuditPage = z.infer<typeof auditPage>;
