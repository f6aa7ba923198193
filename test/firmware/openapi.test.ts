import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ROUTE_POLICIES } from "../../src/access/policy";
import { ORIGIN } from "../support/blobs";

describe("the OpenAPI document", () => {
  it("describes every firmware, device, coredump, group and rollout route in the policy table", async () => {
    const doc = (await (await SELF.fetch(`${ORIGIN}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const firmwareRoutes = ROUTE_POLICIES.filter(([, path]) => /^\/api\/(device-models|devices|coredumps|rollouts)/.test(path));
    expect(firmwareRoutes.length).toBe(30);
    for (const [method, path] of firmwareRoutes) {
      const openApiPath = path.replace(/:(\w+)/g, "{$1}");
      expect(doc.paths[openApiPath]?.[method.toLowerCase()], `${method} ${path}`).toBeDefined();
    }
  });
});
