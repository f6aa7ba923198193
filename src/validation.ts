import type { Context } from "hono";
import type { z } from "zod";
import { AppError } from "./errors";

/** Parses a JSON body against a zod schema; any failure is a 400 that names the field. */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new AppError("invalid_body", "The request body must be valid JSON.");
  }
  return parseWith(schema, body, "invalid_body");
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown, code: "invalid_body" | "invalid_parameter"): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.length
    ? issue.path
        .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
        .join("")
        .replace(/^\./, "")
    : "body";
  throw new AppError(code, `${field}: ${issue?.message ?? "invalid value"}`);
}

/** A row id as it appears in a path: plain decimal, no sign, exponent, hex or leading zero; else 404. */
export function parseRowId(raw: string, what: string): number {
  if (!/^[1-9][0-9]{0,15}$/.test(raw) || !Number.isSafeInteger(Number(raw))) throw new AppError("not_found", `No ${what} ${raw.slice(0, 40)}.`);
  return Number(raw);
}
