import { buildApp } from "./app";
import { scheduledBatch } from "./migration/cron";
import { scheduledSweep } from "./uploads/sweep";

export { TokenThrottle } from "./access/throttle";
export { MigrationLock } from "./migration/lock";

const app = buildApp();

export default {
  fetch: app.fetch,
  async scheduled(_controller, env, ctx) {
    // Independent jobs: each runs to its end whatever the other does; a failure in either fails the invocation.
    ctx.waitUntil(scheduledBatch(env));
    ctx.waitUntil(scheduledSweep(env));
  },
} satisfies ExportedHandler<Env>;
