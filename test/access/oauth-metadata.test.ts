import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { SCOPES } from "../../src/access/scopes";
import { ORIGIN } from "../support/blobs";
import { createAccount } from "../support/tokens";
import { fetchWith } from "../support/worker";

const PATH = "/.well-known/oauth-authorization-server";

interface Metadata {
  issuer: string;
  token_endpoint: string;
  jwks_uri: string;
  scopes_supported: string[];
  response_types_supported: string[];
  grant_types_supported: string[];
  token_endpoint_auth_methods_supported: string[];
  service_documentation: string;
}

async function metadata(issuer?: string, origin = ORIGIN): Promise<Metadata> {
  const request = new Request(`${origin}${PATH}`);
  const res = issuer === undefined ? await SELF.fetch(request) : await fetchWith(request, { TOKEN_ISSUER: issuer });
  expect(res.status).toBe(200);
  expect(res.headers.get("Content-Type")).toMatch(/^application\/json/);
  return res.json();
}

describe("RFC 8414 authorization server metadata", () => {
  it("names the issuer, token endpoint, JWKS, the one grant type, both client auth methods and every scope", async () => {
    // TOKEN_ISSUER is "cas-edge" (wrangler.toml), which is no URL: the issuer is the origin asked.
    expect(await metadata()).toEqual({
      issuer: ORIGIN,
      token_endpoint: `${ORIGIN}/api/oauth/token`,
      jwks_uri: `${ORIGIN}/.well-known/jwks.json`,
      scopes_supported: [...SCOPES],
      response_types_supported: [],
      grant_types_supported: ["client_credentials"],
      token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
      service_documentation: `${ORIGIN}/api/docs`,
    });
  });

  it("uses TOKEN_ISSUER when it is an origin URL (the tokens' iss), and the origin asked when it is not", async () => {
    const configured = await metadata("https://cas.example.com");
    expect(configured.issuer).toBe("https://cas.example.com");
    expect(configured.token_endpoint).toBe("https://cas.example.com/api/oauth/token");
    expect(configured.jwks_uri).toBe("https://cas.example.com/.well-known/jwks.json");
    // An issuer with a path has its metadata under /.well-known/oauth-authorization-server/<path> (§3), not here.
    for (const issuer of ["https://cas.example.com/tenant", "https://cas.example.com/?x=1", "urn:cas-edge", ""]) {
      expect((await metadata(issuer, "https://other.test")).issuer, issuer).toBe("https://other.test");
    }
  });

  it("is public and readable from any origin", async () => {
    const res = await SELF.fetch(`${ORIGIN}${PATH}`, { headers: { Origin: "https://stranger.test" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    await res.body?.cancel();
  });

  it("points at a token endpoint that issues a client-credentials token and at the JWKS that verifies it", async () => {
    const { token_endpoint, jwks_uri } = await metadata();
    const account = await createAccount(["parts:read"]);
    const res = await SELF.fetch(token_endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: account.client_id, client_secret: account.client_secret }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { token_type: string }).token_type).toBe("Bearer");
    const jwks = (await (await SELF.fetch(jwks_uri)).json()) as { keys: unknown[] };
    expect(jwks.keys.length).toBeGreaterThan(0);
  });
});
