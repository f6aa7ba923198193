import { Hono } from "hono";
import type { AppEnv } from "../env";
import { AppError } from "../errors";
import { checkReadiness, type PingDurableObject } from "./readiness";

// A health answer describes this instant; a cached one would hide an outage.
const NO_STORE = { "Cache-Control": "no-store" };

/** Liveness and readiness; readiness pings the Durable Object through `pingDurableObject`. */
export function healthRoutes(pingDurableObject: PingDurableObject) {
  // Liveness (`/`): the isolate runs and routes. No I/O, so a dependency outage never restarts anything.
  return new Hono<AppEnv>()
    .get("/", (c) => c.json({ status: "ok" }, 200, NO_STORE))
    .get("/ready", async (c) => {
      const { ok, checks } = await checkReadiness(c.env, c.get("requestId"), pingDurableObject);
      if (!ok) {
        const failed = Object.entries(checks)
          .filter(([, check]) => !check.ok)
          .map(([name]) => name);
        throw new AppError("not_ready", `Failing: ${failed.join(", ")}.`, {}, { checks });
      }
      return c.json({ status: "ready", checks }, 200, NO_STORE);
    });
}
