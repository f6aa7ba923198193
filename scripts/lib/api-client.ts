/**
 * The worker's API for scripts, typed from its OpenAPI document
 * (src/api-types.gen.ts, `npm run gen:api`) through openapi-fetch: a path,
 * a body or an answer field the worker no longer has fails
 * `npm run typecheck` rather than an operator's run. Every call carries the
 * token and the process's newest D1 bookmark (d1-bookmark.ts).
 */
import createClient from "openapi-fetch";
import type { components, paths } from "../../src/api-types.gen.ts";
import { noteBookmark, withBookmark } from "./d1-bookmark.ts";

export type Schemas = components["schemas"];

export function apiClient(baseUrl: string, token: string) {
  const client = createClient<paths, "application/json">({ baseUrl: baseUrl.replace(/\/$/, "") });
  client.use({
    onRequest({ request }) {
      const headers = withBookmark(request.headers);
      headers.set("Authorization", `Bearer ${token}`);
      return new Request(request, { headers });
    },
    onResponse({ response }) {
      noteBookmark(response);
      return response;
    },
  });
  return client;
}

/** A problem's `detail` (RFC 9457), or the answer as it came. */
export function problemText(error: unknown): string {
  if (error && typeof error === "object" && "detail" in error) return String((error as { detail: unknown }).detail);
  return typeof error === "string" ? error : JSON.stringify(error);
}
