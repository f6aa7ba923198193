import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ORIGIN } from "./support/blobs";

describe("GET /api/openapi.json", () => {
  it("describes every endpoint with schemas generated from the validators", async () => {
    const res = await SELF.fetch(`${ORIGIN}/api/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, object>;
      components: { schemas: Record<string, { properties?: object; required?: string[] }> };
    };

    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/cas/{hash}",
        "/api/cas/exists",
        "/api/parts",
        "/api/parts/{key}",
        "/api/parts/{key}/attachments",
        "/api/parts/{key}/attachments/{id}/copy",
      ]),
    );
    expect(doc.components.schemas.PartCreate?.required).toEqual(["name"]);
    expect(Object.keys(doc.components.schemas.Attachment?.properties ?? {})).toEqual(
      expect.arrayContaining(["download_url", "view_url", "thumbnail_url", "attributes", "attributes_schema_version"]),
    );
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/attachments", "/health", "/health/ready"]));
    expect(doc.components.schemas.Attributes).toMatchObject({ type: "object", propertyNames: { pattern: "^[A-Za-z0-9_.-]{1,64}$" } });
    expect(Object.keys(doc.components.schemas.AttachmentUpdate?.properties ?? {})).toContain("attributes");

    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/uploads", "/api/uploads/{id}", "/api/uploads/{id}/parts/{part}", "/api/uploads/{id}/complete"]),
    );
    expect(doc.components.schemas.UploadCreate?.required).toEqual(["sha256", "size"]);
    expect(JSON.stringify(doc)).not.toMatch(/s3_key|legacy_key/);
  });
});
