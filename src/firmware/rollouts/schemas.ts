import { z } from "zod";
import { rolloutStates, updateStatuses } from "../../db/rollout-schema";
import { AppError } from "../../errors";
import { DEVICE_KEY, key, runningVersion, TAG } from "../schemas";

export const MAX_STAGES = 10;
export const MAX_STAGE_DEVICES = 100;
export const MAX_NAMED_DEVICES = 500;
/** A group filters on at most this many tags (a device carries at most MAX_TAGS). */
export const MAX_GROUP_TAGS = 8;
/**
 * Reports (success + failure) a stage needs before its failure ratio counts,
 * when the stage does not say: one device failing for its own reasons (a
 * flaky supply, a bad Wi-Fi) must not halt a rollout whose threshold allows
 * some failures. See `effectiveFailureRatio`.
 */
export const DEFAULT_MIN_SAMPLE = 10;

export const groupCreate = z.strictObject({
  key,
  tags: z
    .array(z.string().regex(TAG, "a device tag: 1-32 lowercase letters, digits, '_' or '-'"))
    .min(1)
    .max(MAX_GROUP_TAGS)
    .transform((tags) => [...new Set(tags)].sort()),
});

const stage = z
  .strictObject({
    /** The share of the target covered once this stage is open, cumulative: 1, 10, 50, 100. */
    percent: z.number().gt(0).max(100).optional(),
    devices: z.array(z.string().regex(DEVICE_KEY, "a device key")).min(1).max(MAX_STAGE_DEVICES).optional(),
    min_soak_seconds: z
      .number()
      .int()
      .min(0)
      .max(90 * 86400),
    max_failure_ratio: z.number().min(0).max(1),
    min_sample: z.number().int().min(1).max(100_000).optional(),
  })
  .refine((s) => (s.percent === undefined) !== (s.devices === undefined), "a stage has either percent or devices, not both");

export const rolloutCreate = z
  .strictObject({
    model: key,
    group: key.optional(),
    version: z.string().min(1).max(64),
    rollback: z.boolean().default(false),
    stages: z.array(stage).min(1).max(MAX_STAGES),
  })
  .superRefine((body, ctx) => {
    let last = 0;
    const named = new Set<string>();
    for (const [i, s] of body.stages.entries()) {
      if (s.percent !== undefined) {
        const bp = s.percent * 100;
        if (Math.abs(bp - Math.round(bp)) > 1e-6) ctx.addIssue({ code: "custom", path: ["stages", i, "percent"], message: "at most two decimals" });
        if (Math.round(bp) <= last)
          ctx.addIssue({ code: "custom", path: ["stages", i, "percent"], message: "cumulative: each percent above the one before" });
        last = Math.round(bp);
      }
      for (const device of s.devices ?? []) {
        if (named.has(device)) ctx.addIssue({ code: "custom", path: ["stages", i, "devices"], message: `"${device}" is named twice` });
        named.add(device);
      }
    }
    if (named.size > MAX_NAMED_DEVICES) ctx.addIssue({ code: "custom", path: ["stages"], message: `at most ${MAX_NAMED_DEVICES} named devices` });
  });
export type RolloutCreate = z.infer<typeof rolloutCreate>;

export const rolloutActions = ["start", "pause", "resume", "cancel", "advance"] as const;
export type RolloutAction = (typeof rolloutActions)[number];

export const rolloutListQuery = z.object({
  model: key.optional(),
  state: z.enum(rolloutStates).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

/** What a device reports; "offered" is the server's own status, never reported. */
export const reportedStatuses = ["downloading", "installing", "rebooted", "success", "failure"] as const;

export const updateStatusBody = z.strictObject({
  status: z.enum(reportedStatuses),
  version: runningVersion,
  rollout_id: z.number().int().positive().optional(),
  reason_code: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,64}$/, "1-64 letters, digits, '_', '.', ':' or '-'")
    .optional(),
  reason: z.string().max(500).optional(),
});
export type UpdateStatusBody = z.infer<typeof updateStatusBody>;

export function pathRolloutId(raw: string): number {
  if (!/^[1-9][0-9]{0,15}$/.test(raw) || !Number.isSafeInteger(Number(raw))) throw new AppError("not_found", `No rollout ${raw.slice(0, 40)}.`);
  return Number(raw);
}

/* Answers: responses.ts builds them typed by these; the OpenAPI document describes them from these. */
export const groupResponse = z.object({ model: z.string(), key: z.string(), tags: z.array(z.string()), created_at: z.string() });

export const stageResponse = z.object({
  index: z.number().int(),
  percent: z.number().nullable(),
  devices: z.array(z.string()).nullable(),
  min_soak_seconds: z.number().int(),
  max_failure_ratio: z.number(),
  min_sample: z.number().int(),
  open: z.boolean(),
  opened_at: z.string().nullable(),
  soak_ends_at: z.string().nullable(),
  offered: z.number().int(),
  downloading: z.number().int(),
  installing: z.number().int(),
  rebooted: z.number().int(),
  success: z.number().int(),
  failure: z.number().int(),
  failure_ratio: z.number().nullable(),
});

export const rolloutResponse = z.object({
  id: z.number().int(),
  model: z.string(),
  group: z.string().nullable(),
  group_tags: z.array(z.string()).nullable(),
  version: z.string(),
  rollback: z.boolean(),
  state: z.enum(rolloutStates),
  actions: z.array(z.enum(rolloutActions)).describe("What an operator may do now (the transition table)"),
  open_stage: z.number().int().nullable(),
  halt_reason: z.string().nullable(),
  created_by: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  stages: z.array(stageResponse),
});

export const reportOutcome = z.object({
  rollout_id: z.number().int().nullable(),
  stage: z.number().int().nullable(),
  status: z.enum(updateStatuses).nullable(),
  reason_code: z.string().nullable(),
  halted: z.boolean(),
});

export type GroupResponse = z.infer<typeof groupResponse>;
export type RolloutResponse = z.infer<typeof rolloutResponse>;
export type ReportOutcome = z.infer<typeof reportOutcome>;
