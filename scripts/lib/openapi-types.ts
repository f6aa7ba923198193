/**
 * TypeScript types for openapi-fetch from the worker's OpenAPI 3.1 document,
 * in the shape openapi-typescript 7 writes (`paths` → method → parameters,
 * requestBody, responses → content by media type). openapi-typescript itself
 * needs TypeScript 5's compiler API, which the TypeScript this project
 * compiles with (7) does not ship, so npm refuses it; the document is ours and
 * uses a small part of JSON Schema (what zod's toJSONSchema writes), which
 * this covers: $ref, type (and type lists), properties/required,
 * additionalProperties, items, enum, const, anyOf/oneOf/allOf, $defs.
 */

type Schema = Record<string, unknown> | boolean;
type Defs = Record<string, Schema>;

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

const key = (name: string) => (IDENTIFIER.test(name) ? name : JSON.stringify(name));
const literal = (value: unknown) => JSON.stringify(value);

/** An object type of these members (biome lays it out: scripts/gen-api-types.ts formats the module). */
const members = (lines: string[]) => `{\n${lines.join("\n")}\n}`;

function objectType(schema: Record<string, unknown>, defs: Defs, depth: number): string {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required ?? []) as string[]);
  const lines = Object.entries(properties).map(([name, property]) => {
    const description =
      typeof property === "object" && typeof property.description === "string" ? `/** ${property.description.replaceAll("*/", "*\\/")} */\n` : "";
    return `${description}${key(name)}${required.has(name) ? "" : "?"}: ${schemaType(property, defs, depth + 1)};`;
  });
  const extra = schema.additionalProperties;
  // A record over a closed set of keys (zod's z.record(z.enum(…), …)): each key named, required as the document says.
  const keys = (schema.propertyNames as { enum?: unknown[] } | undefined)?.enum;
  if (lines.length === 0 && keys && typeof extra === "object" && extra !== null) {
    const optional = keys.every((k) => required.has(String(k))) ? "" : "?";
    return `{ [key in ${keys.map(literal).join(" | ")}]${optional}: ${schemaType(extra as Schema, defs, depth + 1)} }`;
  }
  if (extra !== undefined && extra !== false)
    lines.push(`[key: string]: ${extra === true ? "unknown" : schemaType(extra as Schema, defs, depth + 1)};`);
  else if (lines.length === 0) return extra === false ? "Record<string, never>" : "{ [key: string]: unknown }";
  return members(lines);
}

function typeOfName(type: string, schema: Record<string, unknown>, defs: Defs, depth: number): string {
  switch (type) {
    case "string":
      return "string";
    case "number":
    case "integer":
      return "number";
    case "boolean":
      return "boolean";
    case "null":
      return "null";
    case "array": {
      const items = schema.items as Schema | undefined;
      return `(${items === undefined ? "unknown" : schemaType(items, defs, depth + 1)})[]`;
    }
    case "object":
      return objectType(schema, defs, depth);
    default:
      return "unknown";
  }
}

/** The TypeScript type a JSON Schema describes. */
export function schemaType(schema: Schema, defs: Defs = {}, depth = 0): string {
  if (schema === true) return "unknown";
  if (schema === false) return "never";
  // A schema that refers to itself (zod puts it in $defs) stops here: the page never walks that deep.
  if (depth > 24) return "unknown";
  const localDefs = schema.$defs ? { ...defs, ...(schema.$defs as Defs) } : defs;
  const ref = schema.$ref;
  if (typeof ref === "string") {
    const component = /^#\/components\/schemas\/(.+)$/.exec(ref);
    if (component) return `components["schemas"][${literal(component[1])}]`;
    const local = /^#\/\$defs\/(.+)$/.exec(ref);
    if (local && localDefs[local[1]!] !== undefined) return schemaType(localDefs[local[1]!]!, localDefs, depth + 1);
    return "unknown";
  }
  if (schema.const !== undefined) return literal(schema.const);
  if (Array.isArray(schema.enum)) return schema.enum.map(literal).join(" | ") || "never";
  const union = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (union) return union.map((s) => `(${schemaType(s, localDefs, depth + 1)})`).join(" | ");
  if (Array.isArray(schema.allOf)) return (schema.allOf as Schema[]).map((s) => `(${schemaType(s, localDefs, depth + 1)})`).join(" & ");
  const type = schema.type;
  if (Array.isArray(type)) return type.map((t) => typeOfName(String(t), schema, localDefs, depth)).join(" | ");
  if (typeof type === "string") return typeOfName(type, schema, localDefs, depth);
  if (schema.properties) return objectType(schema, localDefs, depth);
  return "unknown";
}

interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: Schema;
}

function parametersType(parameters: Parameter[]): string {
  const groups = ["query", "header", "path", "cookie"].map((where) => {
    const these = parameters.filter((p) => p.in === where);
    if (these.length === 0) return `${where}?: never;`;
    const fields = these.map((p) => `${key(p.name)}${p.required ? "" : "?"}: ${schemaType(p.schema ?? true)};`);
    const optional = these.every((p) => !p.required) ? "?" : "";
    return `${where}${optional}: ${members(fields)};`;
  });
  return members(groups);
}

type Content = Record<string, { schema?: Schema }>;

function contentType(content: Content | undefined): string {
  if (!content) return "never";
  const entries = Object.entries(content).map(([media, { schema }]) => `${literal(media)}: ${schemaType(schema ?? true)};`);
  return members(entries);
}

function operationType(operation: Record<string, unknown>, shared: Parameter[]): string {
  const own = (operation.parameters ?? []) as Parameter[];
  // An operation's parameter replaces the path's of the same name and place (OpenAPI 3.1 §4.8.10).
  const parameters = [...shared.filter((s) => !own.some((o) => o.name === s.name && o.in === s.in)), ...own];
  const body = operation.requestBody as { required?: boolean; content?: Content } | undefined;
  const responses = Object.entries((operation.responses ?? {}) as Record<string, { content?: Content }>).map(
    ([status, response]) =>
      `${/^\d+$/.test(status) ? status : literal(status)}: { headers: { [name: string]: unknown }; content${response.content ? "" : "?"}: ${contentType(response.content)} };`,
  );
  const lines = [
    `parameters: ${parametersType(parameters)};`,
    body ? `requestBody${body.required ? "" : "?"}: { content: ${contentType(body.content)} };` : "requestBody?: never;",
    `responses: ${members(responses)};`,
  ];
  return members(lines);
}

type OpenApiDocument = Parameters<typeof openApiTypes>[0];

/**
 * The worker's OpenAPI document, built by its own module (src/openapi.ts).
 * It is loaded by a computed path: its types need the Workers types, which
 * the scripts' tsconfig leaves out, and only its output matters here.
 */
export async function workerOpenApiDocument(): Promise<OpenApiDocument> {
  const module = new URL("../../src/openapi.ts", import.meta.url).href;
  const { openApiDocument } = (await import(module)) as { openApiDocument(): OpenApiDocument };
  return openApiDocument();
}

/** The module text: `paths` and `components` for `createClient<paths>()`, from an OpenAPI 3.1 document. */
export function openApiTypes(document: {
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, Schema> };
}): string {
  const paths = Object.entries(document.paths).map(([path, item]) => {
    const shared = (item.parameters ?? []) as Parameter[];
    const methods = METHODS.map((method) => {
      const operation = item[method] as Record<string, unknown> | undefined;
      return operation ? `${method}: ${operationType(operation, shared)};` : `${method}?: never;`;
    });
    return `${literal(path)}: ${members([`parameters: ${parametersType(shared)};`, ...methods])};`;
  });
  const schemas = Object.entries(document.components?.schemas ?? {}).map(([name, schema]) => `${key(name)}: ${schemaType(schema)};`);
  return [
    "/**",
    " * The worker's API as TypeScript types, written by `npm run gen:api` from its",
    " * OpenAPI document (src/openapi.ts): do not edit. `npm run check:api` fails",
    " * when this file and the document disagree.",
    " */",
    "",
    `export interface paths ${members(paths)}`,
    "",
    `export interface components { schemas: ${members(schemas)} }`,
    "",
  ].join("\n");
}
