import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { MAX_FAILURES, type TokenThrottle, tokenThrottle, WINDOW_MS } from "../../src/access/throttle";

describe("TokenThrottle", () => {
  it("forgets failures older than the window, and says when the next attempt is allowed", async () => {
    const stub = tokenThrottle(env, `client-${crypto.randomUUID()}`);
    await runInDurableObject(stub, async (throttle: TokenThrottle) => {
      const t0 = 1_000_000;
      for (let i = 0; i < MAX_FAILURES; i++) expect((await throttle.recordFailure(t0 + i * 1000)).blocked).toBe(false);
      const refused = await throttle.recordFailure(t0 + 20_000);
      expect(refused).toEqual({ blocked: true, retryAfter: 40 });
      // The first failure ages out: one more attempt is allowed.
      expect(await throttle.status(t0 + WINDOW_MS)).toEqual({ blocked: false, retryAfter: 0 });
      expect((await throttle.recordFailure(t0 + WINDOW_MS)).blocked).toBe(false);
      expect((await throttle.recordFailure(t0 + WINDOW_MS + 1)).blocked).toBe(true);
    });
  });
});
