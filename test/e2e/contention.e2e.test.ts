import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalWorker, startWorker } from "../../scripts/lib/local-worker.ts";
import { burst } from "./support/burst.ts";

let worker: LocalWorker;
beforeAll(async () => {
  worker = await startWorker("wrangler.toml", 0, { CAS_WRITE_TOKEN: "e2e-write", API_TOKEN: "e2e-api", ADMIN_TOKEN: "e2e-admin" });
});
afterAll(() => worker?.stop());

describe("concurrent writers over real connections", () => {
  it("create one blob exactly once, answer every request, and never 5xx", async () => {
    const result = await burst(worker.url, "e2e-write", 20, 60, 256 * 1024);

    expect(result.failures).toEqual([]);
    expect(result.identical).toEqual({ 200: 19, 201: 1 });
    expect(result.distinct).toEqual({ 201: 20 });
    expect(result.gets).toEqual({ 200: 60 });
  });
});
