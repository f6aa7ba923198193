import { bytes, errors, pathParam } from "../http/openapi";

/** The page's paths in the OpenAPI document (src/openapi.ts): HTML shells and the files they load, no token. */
const html = { description: "An HTML page with no data in it", content: { "text/html": { schema: { type: "string" } } } };
const page = (summary: string) => ({ get: { summary, security: [], responses: { "200": html } } });
const pageFile = (summary: string, named = false) => ({
  ...(named ? { parameters: [pathParam("file")] } : {}),
  get: { summary, security: [], responses: { "200": bytes("The file (revalidated by ETag)"), ...errors(404) } },
});

export const webPaths = {
  "/": page("The parts page (HTML; it asks for a token in the browser)"),
  "/parts/{key}": { parameters: [pathParam("key")], ...page("The parts page, showing one part") },
  "/console/{section}": {
    parameters: [pathParam("section")],
    ...page("The operator console's sections (HTML; each shown only to a token with its scope)"),
  },
  "/api/docs": page("This reference, rendered by Swagger UI served from the worker"),
  "/app.css": pageFile("The page's styles"),
  "/favicon.svg": pageFile("The page's icon"),
  "/build/{file}": pageFile("The page's scripts, bundled by scripts/build-web.ts", true),
  "/vendor/swagger-ui/{file}": pageFile("Swagger UI's files, for /api/docs", true),
};
