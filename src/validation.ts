import type { Context } from "hono";
import type { z } from "zod";
import { AppError } from "./errors";
import { KiB, readBoundedBody } from "./http/bounded-body";

/** What a JSON body may weigh unless its route says otherwise: every schema with no long list or text fits. */
export const JSON_BODY_LIMIT = 64 * KiB;

export interface JsonBodyOptions {
  /** The most bytes this route's body may have; past it, a 413 (see readBoundedBody). */
  maxBytes?: number;
  /** The value a body of zero bytes stands for; without one, an empty body is a 400. */
  ifEmpty?: unknown;
}

/**
 * Parses a JSON body against a zod schema, reading no more than its cap
 * whether or not a length is given; any failure is a 400 that names the field.
 */
export async function readJson<S extends z.ZodType>(c: Context, schema: S, options: JsonBodyOptions = {}): Promise<z.infer<S>> {
  const bytes = await readBoundedBody(c.req.raw, options.maxBytes ?? JSON_BODY_LIMIT);
  if (bytes.length === 0 && options.ifEmpty !== undefined) return parseWith(schema, options.ifEmpty, "invalid_body");
  if (bytes.length === 0) throw new AppError("invalid_body", "The request body is empty; send a JSON document.");
  let body: unknown;
  try {
    // RFC 8259 §8.1: JSON is UTF-8; a broken byte is refused, not silently replaced.
    body = JSON.parse(new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes));
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
