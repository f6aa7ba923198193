import { errors, ok, schema } from "../http/openapi";
import { searchPage, searchQuery } from "./schemas";

/** The search path of the OpenAPI document (src/openapi.ts); the answer's schema comes from the validator. */
export const searchSchemas = { SearchPage: schema(searchPage) };

const query = (name: "q" | "limit" | "cursor", required = false) => {
  const { description, ...rest } = schema(searchQuery.shape[name], "input") as { description?: string };
  return { name, in: "query", required, ...(description ? { description } : {}), schema: rest };
};

export const searchPaths = {
  "/api/search": {
    get: {
      summary: "Find parts and attachments by the text in them",
      description:
        "Every word of 3 or more characters in `q` must occur (as a substring, ignoring case and accents) in a part's name, key or " +
        "description, or in an attachment's title, filename or attribute values; shorter words are ignored, and a `q` with none " +
        "is a 400. Words are text, never operators: quotes, `*`, `-`, `NEAR` and `column:` are searched for as written. Results " +
        "are ranked by bm25 (names and keys above descriptions); when a word is common (more than 1000 rows of a kind contain it) " +
        "that kind's results come newest first, after the ranked ones. `snippet` is the matched field cut into segments.",
      parameters: [query("q", true), query("limit"), query("cursor")],
      responses: { "200": ok("SearchPage"), ...errors(400, 401, 403) },
    },
  },
};
