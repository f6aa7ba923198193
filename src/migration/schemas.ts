import { z } from "zod";

/** GET /api/admin/migration (status.ts), named in the OpenAPI document so the console's types come from here. */
export const migrationStatusResponse = z.object({
  total_legacy: z.number().int(),
  migrated: z.number().int(),
  pending: z.number().int(),
  failed: z.number().int(),
  done: z.boolean().describe("No row pending or failed"),
  failures: z
    .array(
      z.object({
        attachment_id: z.number().int(),
        error: z.string(),
        attempts: z.number().int(),
        retryable: z.boolean(),
        last_attempt_at: z.string(),
      }),
    )
    .describe("The first 100 failed rows"),
  lease: z.object({ owner: z.string(), token: z.number().int(), expires_at: z.string() }).nullable(),
  last_run: z
    .object({
      id: z.number().int(),
      started_at: z.string(),
      finished_at: z.string(),
      fencing_token: z.number().int(),
      migrated: z.number().int(),
      failed: z.number().int(),
      stopped_by: z.string(),
      error: z.string().nullable(),
    })
    .nullable(),
});
