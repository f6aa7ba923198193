import { z } from "zod";
import { ATTRIBUTE_KEY, type Attributes } from "../db/schema";
import { AppError } from "../errors";

/**
 * The rules for an attachment's custom attributes, in one place: a JSON
 * object of at most 4096 bytes serialized (UTF-8), whose top-level keys are
 * 1-64 characters of A-Z a-z 0-9 _ . - (safe in a query parameter name and
 * a SQLite JSON path); values are any JSON nested at most 16 levels deep,
 * with no "__proto__" key anywhere. `schema_version` names this layout so a
 * later one can be told apart and migrated.
 */
export const MAX_ATTRIBUTES_BYTES = 4096;
/** Levels of objects and arrays, the attributes object being the first. */
export const MAX_ATTRIBUTES_DEPTH = 16;
export const ATTRIBUTES_SCHEMA_VERSION = 1;

export const attributeKey = z.string().regex(ATTRIBUTE_KEY, "keys are 1-64 characters of A-Z a-z 0-9 _ . -");

export const attributesObject = z
  .record(attributeKey, z.json())
  .describe(
    `Custom attributes: a JSON object of at most ${MAX_ATTRIBUTES_BYTES} bytes serialized, nested at most ${MAX_ATTRIBUTES_DEPTH} levels deep; top-level keys are 1-64 characters of A-Z a-z 0-9 _ . -, and no key anywhere is "__proto__"`,
  );

export const attributesPatch = attributesObject
  .nullable()
  .describe(
    "An RFC 7396 JSON Merge Patch of the attributes: a member set to null is deleted, an object is merged, anything else replaces; null clears them all",
  );

// Read no further than this before parsing: whitespace may shrink, but not by 16×.
const MAX_TEXT_LENGTH = 16 * MAX_ATTRIBUTES_BYTES;
// The header's own cap, whatever the runtime allows: percent-encoding takes 3 characters
// a byte (so do "\u00e9" escapes), and a serializer's ": " and ", " a few more.
const MAX_HEADER_LENGTH = 4 * MAX_ATTRIBUTES_BYTES;

export function serializedBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

/** A 422 naming the failing member as an RFC 6901 JSON Pointer, in the detail and in a `path` member. */
export function invalidAttributes(path: ReadonlyArray<string | number>, message: string): AppError {
  const pointer = `/attributes${path.map((p) => `/${String(p).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("")}`;
  return new AppError("invalid_attributes", `${pointer}: ${message}`, {}, { path: pointer });
}

function check<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  if (issue.code === "invalid_type" && issue.path.length === 0) throw invalidAttributes([], "must be a JSON object");
  const message = issue.code === "invalid_key" ? "keys are 1-64 characters of A-Z a-z 0-9 _ . -" : issue.message;
  throw invalidAttributes(
    issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
    message,
  );
}

/**
 * Walks the value before anything else does: JSON.stringify and zod recurse,
 * and SQLite's JSON functions stop at 1000 levels, where D1's json_valid CHECK
 * would turn a client's attributes into a 500 after the blob was stored. A
 * "__proto__" key would be dropped without a word by any copy of the object
 * (zod's among them: assigning it sets the prototype), so it is refused.
 * The recursion stops at MAX_ATTRIBUTES_DEPTH + 1.
 */
function checkStructure(value: unknown, path: Array<string | number> = [], depth = 1): void {
  if (typeof value !== "object" || value === null) return;
  if (depth > MAX_ATTRIBUTES_DEPTH) throw invalidAttributes(path, `nested more than ${MAX_ATTRIBUTES_DEPTH} levels deep`);
  const entries: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
  for (const [key, item] of entries) {
    if (key === "__proto__") throw invalidAttributes([...path, key], `"__proto__" is not allowed as a key`);
    checkStructure(item, [...path, key], depth + 1);
  }
}

function checkSize(value: unknown, limit = MAX_ATTRIBUTES_BYTES): void {
  const bytes = serializedBytes(value);
  if (bytes > limit) throw invalidAttributes([], `${bytes} bytes serialized; at most ${limit} are allowed`);
}

/** Attributes given with a new attachment: stored as given (a null value is kept), once they pass the rules. */
export function validateAttributes(value: unknown): Attributes {
  checkStructure(value);
  checkSize(value);
  return check(attributesObject, value) as Attributes;
}

/**
 * A merge patch: its keys follow the same rules. The size that counts is the
 * result's, checked where the patch is applied; a patch may be larger than
 * its result (it can delete every key and set new ones), but not by more.
 */
export function validateAttributesPatch(value: unknown): Attributes | null {
  if (value === null) return null;
  checkStructure(value);
  checkSize(value, 2 * MAX_ATTRIBUTES_BYTES);
  return check(attributesObject, value) as Attributes;
}

/**
 * Attributes sent as text: the X-Attributes header (a JSON object, raw or,
 * for non-ASCII text, percent-encoded UTF-8 like X-Filename; raw JSON starts
 * with "{", so a "%" inside it is never decoded) or a multipart field.
 * Text that is not JSON at all is a 400; JSON that breaks a rule, a 422.
 */
export function parseAttributesText(text: string | undefined, source: "X-Attributes" | "attributes field"): Attributes | undefined {
  if (text === undefined) return undefined;
  const code = source === "X-Attributes" ? "invalid_parameter" : "invalid_body";
  const cap = source === "X-Attributes" ? MAX_HEADER_LENGTH : MAX_TEXT_LENGTH;
  if (text.length > cap) {
    throw invalidAttributes([], `${source} has ${text.length} characters, more than ${cap}; at most ${MAX_ATTRIBUTES_BYTES} bytes serialized`);
  }
  let json = text.trim();
  if (source === "X-Attributes" && !json.startsWith("{")) {
    try {
      json = decodeURIComponent(json);
    } catch {
      throw new AppError(code, `${source}: not valid percent-encoded UTF-8.`);
    }
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new AppError(code, `${source}: must be a JSON object, such as {"batch": 7}.`);
  }
  return validateAttributes(value);
}
