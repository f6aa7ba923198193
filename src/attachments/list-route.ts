import { Hono } from "hono";
import { database } from "../db/client";
import type { AppEnv } from "../env";
import { AppError } from "../errors";
import { parseWith } from "../validation";
import { attributeKey } from "./attributes";
import { attachmentJson } from "./responses";
import { attachmentSearchQuery } from "./schemas";
import { searchAttachments } from "./search";

/** More filters than this is a query no index helps with; refuse it rather than scan. */
export const MAX_ATTRIBUTE_FILTERS = 8;

/**
 * `attr.<key>=<value>`: the value compares as JSON when it parses as JSON
 * (`attr.batch=7` is the number 7, `attr.ok=true` the boolean) and as a
 * string otherwise (`attr.name=abc`); `attr.name="7"` is the string "7".
 */
function attributeFilters(query: URLSearchParams): Array<{ key: string; json: string }> {
  const filters: Array<{ key: string; json: string }> = [];
  for (const [name, value] of query) {
    if (!name.startsWith("attr.")) continue;
    const key = name.slice(5);
    if (!attributeKey.safeParse(key).success)
      throw new AppError("invalid_parameter", `${name}: attribute keys are 1-64 characters of A-Z a-z 0-9 _ . -`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      parsed = value;
    }
    filters.push({ key, json: JSON.stringify(parsed) });
  }
  if (filters.length > MAX_ATTRIBUTE_FILTERS) throw new AppError("invalid_parameter", `at most ${MAX_ATTRIBUTE_FILTERS} attr.<key> filters.`);
  return filters;
}

export const attachmentListRoutes = new Hono<AppEnv>().get("/", async (c) => {
  const url = new URL(c.req.url);
  const plain = Object.fromEntries([...url.searchParams].filter(([name]) => !name.startsWith("attr.")));
  const query = parseWith(attachmentSearchQuery, plain, "invalid_parameter");
  const { page, nextCursor } = await searchAttachments(database(c.env.DB), {
    partKey: query.part,
    mediaRange: query.type,
    attributes: attributeFilters(url.searchParams),
    limit: query.limit,
    cursor: query.cursor === undefined ? undefined : Number(query.cursor),
  });
  const attachments = await Promise.all(page.map(({ row, partPrivate }) => attachmentJson(row, c.env, partPrivate)));
  return c.json({ attachments, next_cursor: nextCursor });
});
