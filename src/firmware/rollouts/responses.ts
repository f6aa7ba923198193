import type { DeviceGroup } from "../../db/schema";
import { actionsFrom } from "./lifecycle";
import type { GroupResponse, RolloutResponse } from "./schemas";
import { failureRatio, soakEndsAt } from "./stage-rules";
import type { RolloutWithStages } from "./store";

export const groupJson = (g: DeviceGroup): GroupResponse => ({ model: g.modelKey, key: g.key, tags: g.tags, created_at: g.createdAt });

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function rolloutJson({ rollout: r, stages }: RolloutWithStages): RolloutResponse {
  return {
    id: r.id,
    model: r.modelKey,
    group: r.groupKey,
    group_tags: r.groupTags,
    version: r.version,
    rollback: r.rollback,
    state: r.state,
    /** What an operator may do now (the transition table, lifecycle.ts). */
    actions: actionsFrom(r.state),
    open_stage: r.openStage < 0 ? null : r.openStage,
    halt_reason: r.haltReason,
    created_by: r.createdBy,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
    stages: stages.map((s) => {
      const figures = { opened_at: s.openedAt, min_soak_seconds: s.minSoakSeconds };
      return {
        index: s.idx,
        percent: s.percentBp === null ? null : s.percentBp / 100,
        devices: s.devices,
        min_soak_seconds: s.minSoakSeconds,
        max_failure_ratio: s.maxFailureRatio,
        min_sample: s.minSample,
        open: r.state === "finished" || (s.openedAt !== null && s.idx <= r.openStage),
        opened_at: s.openedAt,
        soak_ends_at: iso(soakEndsAt(figures)),
        offered: s.offered,
        downloading: s.downloading,
        installing: s.installing,
        rebooted: s.rebooted,
        success: s.success,
        failure: s.failure,
        failure_ratio: failureRatio(s),
      };
    }),
  };
}
