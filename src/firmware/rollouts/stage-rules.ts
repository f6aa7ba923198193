/** The figures of a stage its rules read (a row of rollout_stages). */
export interface StageFigures {
  opened_at: string | null;
  min_soak_seconds: number;
  max_failure_ratio: number;
  min_sample: number;
  success: number;
  failure: number;
}

/**
 * The failure ratio the halt rule compares, with the stage's minimum sample
 * as the least denominator: before `min_sample` reports, the ratio is what it
 * would be if every report still missing were a success. So a first failure
 * among few reports does not halt a stage whose threshold allows some
 * failures, while failures that will pass the threshold whatever comes next
 * halt at once rather than after the sample fills. And since only a failure
 * can raise it, the rule needs checking only when a failure arrives.
 */
export function effectiveFailureRatio(s: StageFigures): number {
  return s.failure / Math.max(s.success + s.failure, s.min_sample, 1);
}

/** Whether the stage's failures pass its threshold: the rollout halts. */
export function overThreshold(s: StageFigures): boolean {
  return effectiveFailureRatio(s) > s.max_failure_ratio;
}

/** The live failure ratio an operator reads: failures among the reports that settled, null before any. */
export function failureRatio(s: Pick<StageFigures, "success" | "failure">): number | null {
  const settled = s.success + s.failure;
  return settled === 0 ? null : s.failure / settled;
}

/** When the stage's minimum soak ends (ms since the epoch), or null while it is not open. */
export function soakEndsAt(s: Pick<StageFigures, "opened_at" | "min_soak_seconds">): number | null {
  return s.opened_at === null ? null : Date.parse(s.opened_at) + s.min_soak_seconds * 1000;
}

/**
 * Whether the next stage may open by itself: this one has soaked its minimum
 * time, has its minimum sample of settled reports, and its failure ratio is
 * within its threshold. A stage too small for its sample (1 % of a small
 * fleet) never opens the next by itself: an operator advances it by hand.
 */
export function stageDone(s: StageFigures, now: number): boolean {
  const ends = soakEndsAt(s);
  return ends !== null && now >= ends && s.success + s.failure >= s.min_sample && !overThreshold(s);
}
