import createClient from "openapi-fetch";
import type { paths } from "../../api-types.gen";
import { ApiError, authHeaders, BOOKMARK_HEADER, noteBookmark, unauthorized } from "./session";

/**
 * The worker's API, typed from its OpenAPI document (src/api-types.gen.ts,
 * `npm run gen:api`): a path, a parameter or a response field the worker no
 * longer has fails `npm run typecheck`, not the page. Each call carries the
 * tab's token and newest D1 bookmark, and notes the bookmark it gets back.
 */
export const client = createClient<paths, "application/json">({ baseUrl: location.origin });

client.use({
  onRequest({ request }) {
    for (const [name, value] of Object.entries(authHeaders())) if (!request.headers.has(name)) request.headers.set(name, value);
    return request;
  },
  onResponse({ response }) {
    noteBookmark(response.headers.get(BOOKMARK_HEADER));
    return response;
  },
});

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * The data of a call that succeeded; otherwise an ApiError with the
 * problem's `detail` (a 401 also signs the tab out). A request the page
 * aborted is rethrown as it is.
 */
export async function must<T>(pending: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await pending;
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiError(0, "The server could not be reached. Check the connection and try again.");
  }
  if (answer.response.ok) return answer.data as T;
  const problem = answer.error as { detail?: unknown; title?: unknown } | string | undefined;
  const detail =
    typeof problem === "object" && problem !== null
      ? String(problem.detail || problem.title || `The server answered ${answer.response.status}.`)
      : `The server answered ${answer.response.status}${problem ? `: ${String(problem).slice(0, 200)}` : "."}`;
  throw unauthorized(new ApiError(answer.response.status, detail));
}
