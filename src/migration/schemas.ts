import { z } from "zod";

/**
 * The answers of the migration endpoints (routes.ts): status.ts and batch.ts
 * build them typed by these, and the OpenAPI document describes them from these.
 */
export const migrationFailure = z.object({
  attachment_id: z.number().int(),
  error: z.string(),
  attempts: z.number().int(),
  retryable: z.boolean().describe("False for a missing legacy object: no retry will find it"),
  last_attempt_at: z.string(),
});

export const migrationRun = z.object({
  id: z.number().int(),
  started_at: z.string(),
  finished_at: z.string(),
  fencing_token: z.number().int(),
  migrated: z.number().int(),
  failed: z.number().int(),
  stopped_by: z.string(),
  error: z.string().nullable(),
});

export const migrationStatusResponse = z.object({
  total_legacy: z.number().int(),
  migrated: z.number().int(),
  pending: z.number().int(),
  failed: z.number().int(),
  done: z.boolean().describe("True only when no row is pending or failed"),
  failures: z.array(migrationFailure).describe("The first 100 rows that failed"),
  lease: z.object({ owner: z.string(), token: z.number().int(), expires_at: z.string() }).nullable(),
  last_run: migrationRun.nullable(),
});

export const batchStoppedBy = z.enum(["done", "batch_size", "time_budget", "error", "fenced"]);

export const batchResult = z.object({
  dryRun: z.boolean(),
  migrated: z.array(z.number().int()).describe("Attachment ids migrated"),
  failed: z.array(z.object({ id: z.number().int(), error: z.string() })),
  wouldMigrate: z.array(z.number().int()).describe("Dry run only: rows a real run would migrate"),
  stoppedBy: batchStoppedBy,
  error: z.string().nullable(),
});

export const migrationRunResponse = batchResult.extend({ status: migrationStatusResponse });

export type MigrationStatus = z.infer<typeof migrationStatusResponse>;
export type MigrationFailure = z.infer<typeof migrationFailure>;
export type MigrationRun = z.infer<typeof migrationRun>;
export type MigrationRunResponse = z.infer<typeof migrationRunResponse>;
export type BatchResult = z.infer<typeof batchResult>;
