import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ROUTE_POLICIES } from "../src/access/policy";
import { ORIGIN } from "./support/blobs";

type Operation = { security?: Array<Record<string, string[]>>; "x-scope"?: string; "x-effect"?: string; "x-audit"?: string };

describe("OpenAPI and the policy table", () => {
  it("documents every route of the table with the scope the guard enforces", async () => {
    const doc = (await (await SELF.fetch(`${ORIGIN}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, Operation>> };
    for (const [method, path, scope, effect, , audit] of ROUTE_POLICIES) {
      const operation = doc.paths[path.replace(/:(\w+)/g, "{$1}")]?.[method.toLowerCase()];
      expect(operation, `${method} ${path}`).toBeDefined();
      expect(operation!["x-scope"], `${method} ${path}`).toBe(scope);
      expect(operation!["x-effect"], `${method} ${path}`).toBe(effect);
      expect(operation!["x-audit"], `${method} ${path}`).toBe(audit);
      expect(operation!.security, `${method} ${path}`).toEqual(
        scope === "public" ? [] : scope === "authenticated" ? [{ bearer: [] }, { oauth2: [] }] : [{ bearer: [scope] }, { oauth2: [scope] }],
      );
    }
  });

  it("describes the token endpoint, its errors, and the JWKS", async () => {
    const doc = (await (await SELF.fetch(`${ORIGIN}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { securitySchemes: { oauth2: { flows: { clientCredentials: { tokenUrl: string; scopes: object } } } } };
    };
    expect(Object.keys(doc.paths["/api/oauth/token"]!.post!.responses)).toEqual(["200", "400", "401", "429"]);
    expect(doc.paths["/.well-known/jwks.json"]?.get).toBeDefined();
    expect(doc.components.securitySchemes.oauth2.flows.clientCredentials.tokenUrl).toBe("/api/oauth/token");
    expect(Object.keys(doc.components.securitySchemes.oauth2.flows.clientCredentials.scopes)).toContain("device");
  });
});
