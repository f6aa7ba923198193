import { z } from "zod";

/**
 * The pieces every capability's part of the OpenAPI document is built from
 * (attachments/openapi.ts, cas/openapi.ts, …; src/openapi.ts assembles them).
 * Request and response schemas come from the zod schemas that validate them
 * (OpenAPI 3.1 schemas are JSON Schema 2020-12, which is what zod emits), so
 * the document cannot drift from the code.
 */
export const schema = (type: z.ZodType, io: "input" | "output" = "output") => z.toJSONSchema(type, { io, unrepresentable: "any" });

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const json = (name: string) => ({ content: { "application/json": { schema: ref(name) } } });
/** A required JSON request body of a named schema. */
export const body = (name: string) => ({ required: true, ...json(name) });
export const ok = (name: string, description = "OK") => ({ description, ...json(name) });
/** A JSON array of a named schema. */
export const okList = (name: string, description = "OK") => ({
  description,
  content: { "application/json": { schema: { type: "array", items: ref(name) } } },
});
/** A response of raw bytes, of whatever type the file is. */
export const bytes = (description: string, type = "*/*") => ({ description, content: { [type]: { schema: { type: "string", format: "binary" } } } });

/** A JWK Set (RFC 7517 §5): public keys only; members beyond kty depend on the key type. */
export const jwkSet = {
  description: "A JWK Set (RFC 7517)",
  content: {
    "application/json": {
      schema: {
        type: "object",
        required: ["keys"],
        properties: {
          keys: {
            type: "array",
            items: { type: "object", required: ["kty"], properties: { kty: { type: "string" }, kid: { type: "string" }, alg: { type: "string" } } },
          },
        },
      },
    },
  },
};

/** A required request body of raw bytes. */
export const binaryBody = { required: true, content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } } };

export const pathParam = (name: string, schema: object = { type: "string" }) => ({ name, in: "path", required: true, schema });
/** An optional query parameter. */
export const queryParam = (name: string, description: string, schema: object = { type: "string" }) => ({
  name,
  in: "query",
  required: false,
  description,
  schema,
});

/** RFC 9457, as errors.ts writes it; every error response of the document refers to it. */
export const problemSchema = {
  type: "object",
  required: ["type", "title", "status", "detail"],
  properties: { type: { type: "string" }, title: { type: "string" }, status: { type: "integer" }, detail: { type: "string" } },
};
const problem = { description: "Problem details (RFC 9457)", content: { "application/problem+json": { schema: ref("Problem") } } };
/** Problem responses for these statuses. */
export const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [String(c), problem]));
