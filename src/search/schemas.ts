import { z } from "zod";

/** GET /api/search's query and answer; the route validates with these and the OpenAPI document is built from them. */
export const MAX_LIMIT = 50;
export const DEFAULT_LIMIT = 20;

export const searchQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(200)
    .describe("Words to find, each as a substring of 3 or more characters (case and accents ignored); all must match"),
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
  cursor: z.string().max(200).optional().describe("A next_cursor from the previous page of the same search"),
});

export const searchFields = ["name", "key", "description", "title", "filename", "attributes"] as const;

export const segment = z.object({ text: z.string(), match: z.boolean() });

export const searchResult = z.object({
  kind: z.enum(["part", "attachment"]),
  part_key: z.string(),
  attachment_id: z.number().int().optional().describe("Set when kind is attachment"),
  title: z.string().describe("The part's name, or the attachment's title"),
  field: z.enum(searchFields).describe("The field the snippet comes from: the most important one that matched"),
  snippet: z.array(segment).describe("The field's text (or, for a long one, the part around a match) cut into matched and unmatched segments"),
  url: z.string().describe("The API URL of the part (for an attachment, of its part)"),
});

export const searchPage = z.object({
  results: z.array(searchResult),
  next_cursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last"),
});

export type SearchQuery = z.infer<typeof searchQuery>;
export type SearchResult = z.infer<typeof searchResult>;
export type SearchPage = z.infer<typeof searchPage>;
export type SearchField = (typeof searchFields)[number];
