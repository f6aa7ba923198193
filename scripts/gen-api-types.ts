/**
 * Writes src/api-types.gen.ts, the types the page, the console and the
 * scripts call the API through (openapi-fetch), from the worker's OpenAPI
 * document; with --check, changes nothing and fails when the file is stale,
 * so a changed response shape breaks `npm test` rather than the page.
 *
 *   npm run gen:api          regenerate
 *   npm run check:api        verify (part of npm test)
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { openApiTypes } from "./lib/openapi-types.ts";

// The worker's own module builds the document. It is loaded by a computed path: its types need the
// Workers types, which this program's tsconfig leaves out, and only its output matters here.
const openapiModule = new URL("../src/openapi.ts", import.meta.url).href;
const { openApiDocument } = (await import(openapiModule)) as { openApiDocument(): Parameters<typeof openApiTypes>[0] };

const target = new URL("../src/api-types.gen.ts", import.meta.url);
// Laid out by the project's formatter, so the file reads like the rest of the code and biome leaves it as it is.
const text = execFileSync("npx", ["biome", "format", "--stdin-file-path=src/api-types.gen.ts"], {
  input: openApiTypes(openApiDocument()),
  encoding: "utf8",
  maxBuffer: 64 * 1024 * 1024,
});

if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(target, "utf8");
  } catch {
    // Missing: stale.
  }
  if (current !== text) {
    console.error("src/api-types.gen.ts does not match the worker's OpenAPI document: run `npm run gen:api` and commit the result.");
    process.exit(1);
  }
} else {
  writeFileSync(target, text);
}
