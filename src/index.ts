import { buildApp } from "./app";
import { scheduledBatch } from "./migration/cron";

export { TokenThrottle } from "./access/throttle";
export { MigrationLock } from "./migration/lock";

const app = buildApp();

export default {
  fetch: app.fetch,
  async scheduled(_controller, env, ctx) {
    ctx.waitUntil(scheduledBatch(env));
  },
} satisfies ExportedHandler<Env>;
