import { STAGING_GRACE_HOURS, sweepStagingPage } from "../blobs/staging";
import { type PassOptions, type PassProgress, runPass } from "./pass";

export { STAGING_GRACE_HOURS };

/**
 * One budgeted step of the staging sweep: staging objects (blobs/staging.ts)
 * older than the pass's cutoff were left by requests that died between
 * writing and deleting them, and go. The cursor, lease and budget are the
 * same as GC's, so a large leftover spans several invocations.
 */
export async function sweepStaging(env: Env, options: PassOptions): Promise<PassProgress> {
  return runPass(env, "staging", options, (pass, startAfter, limit) =>
    sweepStagingPage(env.BUCKET, { startAfter, limit, cutoff: pass.cutoff_at, dryRun: options.dryRun }),
  );
}
