import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { openApiTypes, schemaType, workerOpenApiDocument } from "../../scripts/lib/openapi-types.ts";

const root = join(import.meta.dirname, "../..");

describe("the API types generator (npm run gen:api)", () => {
  it("writes each JSON Schema form the document uses as the TypeScript type it means", () => {
    expect(
      schemaType({
        type: "object",
        properties: { id: { type: "integer" }, name: { type: "string" }, note: { anyOf: [{ type: "string" }, { type: "null" }] } },
        required: ["id", "name"],
      }),
    ).toBe("{\nid: number;\nname: string;\nnote?: (string) | (null);\n}");
    expect(schemaType({ type: "array", items: { $ref: "#/components/schemas/Part" } })).toBe('(components["schemas"]["Part"])[]');
    expect(schemaType({ enum: ["ro", "rw", "edit"] })).toBe('"ro" | "rw" | "edit"');
    expect(schemaType({ const: "Bearer" })).toBe('"Bearer"');
    expect(schemaType({ type: ["string", "null"] })).toBe("string | null");
    expect(schemaType({ type: "object", additionalProperties: { type: "number" } })).toBe("{\n[key: string]: number;\n}");
    expect(schemaType({ type: "object", properties: {}, additionalProperties: false })).toBe("Record<string, never>");
    expect(
      schemaType({
        type: "object",
        propertyNames: { enum: ["json", "part"] },
        additionalProperties: { type: "integer" },
        required: ["json", "part"],
      }),
    ).toBe('{ [key in "json" | "part"]: number }');
    expect(schemaType({ $defs: { leaf: { type: "boolean" } }, $ref: "#/$defs/leaf" })).toBe("boolean");
    expect(schemaType({})).toBe("unknown");
  });

  it("puts a path's parameters on each of its operations, and marks a body required or not as the document does", () => {
    const text = openApiTypes({
      paths: {
        "/things/{id}": {
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          get: {
            parameters: [{ name: "limit", in: "query", schema: { type: "integer" } }],
            responses: { "200": { content: { "application/json": { schema: { type: "string" } } } } },
          },
          put: {
            requestBody: { required: true, content: { "application/json": { schema: { type: "boolean" } } } },
            responses: { "204": { description: "none" } },
          },
        },
      },
    });
    expect(text).toContain("query?: {\nlimit?: number;\n};");
    expect(text).toContain("path: {\nid: string;\n};");
    expect(text).toContain('requestBody: { content: {\n"application/json": boolean;\n} };');
    expect(text).toContain("204: { headers: { [name: string]: unknown }; content?: never };");
    expect(text).toContain("post?: never;");
  });

  it("breaks the page's type check when a response shape the page reads changes", async () => {
    // The page as it is, with types generated from a document whose Whoami answer lost `granted`.
    const document = (await workerOpenApiDocument()) as Parameters<typeof openApiTypes>[0] & {
      components: { schemas: Record<string, { properties: Record<string, unknown>; required: string[] }> };
    };
    const whoami = document.components.schemas.Whoami!;
    delete whoami.properties.granted;
    whoami.required = whoami.required.filter((name) => name !== "granted");
    // Inside the checkout, so the copy resolves its packages from node_modules as the page does.
    const scratch = mkdtempSync(join(root, "node_modules/.api-types-test-"));
    try {
      cpSync(join(root, "src"), join(scratch, "src"), {
        recursive: true,
        filter: (from) => !from.includes("/web/assets") && !from.endsWith(".wasm"),
      });
      writeFileSync(join(scratch, "src/api-types.gen.ts"), openApiTypes(document));
      const check = promisify(execFile)(join(root, "node_modules/.bin/tsc"), ["--noEmit", "-p", join(scratch, "src/web/client")]);
      const failure = (await check.then(
        () => null,
        (err: { stdout: string }) => err,
      )) as { stdout: string } | null;
      expect(failure, "the type check passed with a changed response shape").not.toBeNull();
      expect(failure!.stdout).toMatch(/Property 'granted' does not exist/);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 120_000);
});
