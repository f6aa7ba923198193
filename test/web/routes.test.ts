import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ORIGIN } from "../support/blobs";

describe("the page's HTML", () => {
  it.each(["/", "/parts/abc123", "/?q=lm358"])("answers %s with the shell, no token needed, scripts from this origin only", async (path) => {
    const res = await SELF.fetch(`${ORIGIN}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/html/);
    const csp = res.headers.get("Content-Security-Policy")!;
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("default-src 'none'");
    // The page's own hashing thread, and no worker from anywhere else (blob: or data: included).
    expect(csp).toContain("worker-src 'self';");
    expect(res.headers.get("Cache-Control")).toBe("no-cache");
    const html = await res.text();
    expect(html).toContain('<script type="module" src="/build/app.js"></script>');
    expect(html).toContain('<div id="status" class="status" role="alert"');
  });

  it("answers /api/docs with Swagger UI from this worker's assets, not a CDN", async () => {
    const res = await SELF.fetch(`${ORIGIN}/api/docs`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('src="/vendor/swagger-ui/swagger-ui-bundle.js"');
    expect(html).not.toMatch(/https?:\/\//);
  });

  it("serves the page's files from the assets folder, with ETag revalidation", async () => {
    const res = await SELF.fetch(`${ORIGIN}/app.css`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/css/);
    const etag = res.headers.get("ETag")!;
    expect(etag).toBeTruthy();
    await res.arrayBuffer();
    expect((await SELF.fetch(`${ORIGIN}/app.css`, { headers: { "If-None-Match": etag } })).status).toBe(304);
    expect((await SELF.fetch(`${ORIGIN}/build/app.js`)).headers.get("Content-Type")).toMatch(/javascript/);
  });

  it.each(["/no-such-file.js", "/api/no-such-route"])("answers %s with the problem+json 404, never an asset's", async (path) => {
    const res = await SELF.fetch(`${ORIGIN}${path}`);
    expect(res.status).toBe(404);
    expect(res.headers.get("Content-Type")).toBe("application/problem+json");
  });

  it("leaves other paths to the API's problem+json 404", async () => {
    const res = await SELF.fetch(`${ORIGIN}/parts/abc/extra`);
    expect(res.status).toBe(404);
    expect(res.headers.get("Content-Type")).toBe("application/problem+json");
  });
});
