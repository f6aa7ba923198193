import { z } from "zod";
import { accessPaths, accessSchemas, securitySchemes, withPolicy } from "./access/openapi";
import { attributesObject } from "./attachments/attributes";
import * as s from "./attachments/schemas";
import { existsBody } from "./cas/routes";
import { firmwarePaths } from "./firmware/openapi";
import { createUploadBody, existingBlobResponse, uploadResponse } from "./uploads/schemas";

/**
 * OpenAPI 3.1 for the whole worker, generated from the zod schemas that
 * validate the requests (OpenAPI 3.1 schemas are JSON Schema 2020-12,
 * which is what zod emits), so the document cannot drift from the code.
 */
const schema = (type: z.ZodType, io: "input" | "output" = "output") => z.toJSONSchema(type, { io, unrepresentable: "any" });

const problem = {
  description: "Problem details (RFC 9457)",
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
};
const json = (ref: string) => ({ content: { "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } } });
const body = (ref: string) => ({ required: true, ...json(ref) });
const ok = (ref: string, description = "OK") => ({ description, ...json(ref) });
const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [String(c), problem]));
const keyParam = { name: "key", in: "path", required: true, schema: { type: "string" } };
const idParam = { name: "id", in: "path", required: true, schema: { type: "integer" } };
const uploadIdParam = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const hashParam = { name: "hash", in: "path", required: true, schema: { type: "string", pattern: "^[0-9a-f]{64}$" } };
const html = { description: "An HTML page with no data in it", content: { "text/html": { schema: { type: "string" } } } };
const pageFile = (summary: string, named = false) => ({
  ...(named ? { parameters: [{ name: "file", in: "path", required: true, schema: { type: "string" } }] } : {}),
  get: { summary, security: [], responses: { "200": { description: "The file (revalidated by ETag)" }, ...errors(404) } },
});
const gone = (field: string) => ({ get: { summary: `Removed: use ${field}`, responses: errors(410) } });

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: { title: "cas-edge", version: "1.0.0", description: "Content-addressed blobs at the edge, and the parts and attachments that name them." },
    components: {
      securitySchemes,
      schemas: {
        Problem: {
          type: "object",
          required: ["type", "title", "status", "detail"],
          properties: { type: { type: "string" }, title: { type: "string" }, status: { type: "integer" }, detail: { type: "string" } },
        },
        PartCreate: schema(s.partCreate, "input"),
        PartUpdate: schema(s.partUpdate, "input"),
        Part: schema(s.partResponse),
        PartList: schema(s.partList),
        Attachment: schema(s.attachmentResponse),
        Attachments: schema(z.array(s.attachmentResponse)),
        UrlAttachmentCreate: schema(s.urlAttachmentCreate, "input"),
        StoredBlobAttachmentCreate: schema(s.storedBlobAttachmentCreate, "input"),
        AttachmentUpdate: schema(s.attachmentUpdate, "input"),
        AttachmentList: schema(s.attachmentList),
        Attributes: schema(attributesObject, "input"),
        Cover: schema(s.coverBody, "input"),
        Copy: schema(s.copyBody, "input"),
        ExistsRequest: schema(existsBody, "input"),
        ExistsResponse: schema(z.object({ present: z.array(z.string()), missing: z.array(z.string()) })),
        ...accessSchemas,

        UploadCreate: schema(createUploadBody, "input"),
        Upload: schema(uploadResponse),
        UploadExisting: schema(existingBlobResponse),
      },
    },
    security: [{ bearer: [] }],
    paths: withPolicy({
      ...accessPaths,
      "/api/cas/{hash}": {
        parameters: [hashParam],
        get: {
          summary: "The blob's bytes (or a JPEG thumbnail); immutable, no database read",
          parameters: ["content_type", "disposition", "filename", "thumbnail"].map((name) => ({ name, in: "query", schema: { type: "string" } })),
          responses: {
            "200": { description: "The bytes" },
            "206": { description: "A byte range" },
            "304": { description: "Not modified" },
            ...errors(400, 404, 416),
          },
        },
        head: {
          summary: "The headers GET would send",
          responses: { "200": { description: "OK" }, "304": { description: "Not modified" }, ...errors(400, 404) },
        },
        put: {
          summary: "Store a blob under its SHA-256",
          requestBody: { required: true, content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } } },
          responses: { "200": { description: "Already stored" }, "201": { description: "Stored" }, ...errors(400, 401, 411, 413) },
        },
      },
      "/api/cas/exists": {
        post: {
          summary: "Which hashes are stored",
          requestBody: body("ExistsRequest"),
          responses: { "200": ok("ExistsResponse"), ...errors(400, 401) },
        },
      },
      "/api/uploads": {
        post: {
          operationId: "CreateMultipartUpload",
          summary: "Start a resumable upload of a blob whose SHA-256 and size are known (200 at once if it is stored)",
          description:
            "Parts of part_size bytes (5 MiB to 95 MiB, default 16 MiB; the last one smaller) are then PUT in order. The blob appears at its CAS URL only after complete, and only if the parts hash to sha256. The session belongs to the token's sub: any other token without the admin scope gets 404 for it, as for an unknown id.",
          requestBody: body("UploadCreate"),
          responses: {
            "200": ok("UploadExisting", "Already stored: nothing to send"),
            "201": ok("Upload", "Session created (Location)"),
            ...errors(400, 401, 403, 413),
          },
        },
      },
      "/api/uploads/{id}": {
        parameters: [uploadIdParam],
        get: {
          operationId: "ListParts",
          summary: "The session's state: parts 1..parts_received are stored, next_part is the one to send (resume)",
          responses: { "200": ok("Upload"), ...errors(401, 404, 410) },
        },
        delete: {
          operationId: "AbortMultipartUpload",
          summary: "Abort: discard the parts and the session",
          responses: { "204": { description: "Aborted" }, ...errors(401, 404, 409) },
        },
      },
      "/api/uploads/{id}/parts/{part}": {
        parameters: [uploadIdParam, { name: "part", in: "path", required: true, schema: { type: "integer", minimum: 1, maximum: 10000 } }],
        put: {
          operationId: "UploadPart",
          summary:
            "Send part n (must be next_part; Content-Length must be its exact size). A part already stored is acknowledged, not stored or hashed again",
          requestBody: { required: true, content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } } },
          responses: { "200": ok("Upload"), ...errors(400, 401, 404, 409, 410, 411, 413, 503) },
        },
      },
      "/api/uploads/{id}/complete": {
        parameters: [uploadIdParam],
        post: {
          operationId: "CompleteMultipartUpload",
          summary: "Check the digest and make the blob visible (400 and nothing stored when it differs)",
          responses: {
            "200": ok("Upload", "Already complete, or the blob was stored meanwhile"),
            "201": ok("Upload", "Stored (Location)"),
            ...errors(400, 401, 404, 409, 410, 503),
          },
        },
      },
      "/api/parts": {
        get: {
          summary: "List parts",
          parameters: [
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100 } },
            { name: "cursor", in: "query", schema: { type: "string" } },
            { name: "q", in: "query", description: "Only parts whose name contains this text", schema: { type: "string", maxLength: 200 } },
          ],
          responses: { "200": ok("PartList"), ...errors(400, 401) },
        },
        post: { summary: "Create a part", requestBody: body("PartCreate"), responses: { "201": ok("Part", "Created"), ...errors(400, 401) } },
      },
      "/api/parts/{key}": {
        parameters: [keyParam],
        get: { summary: "One part", responses: { "200": ok("Part"), ...errors(401, 404) } },
        patch: { summary: "Change a part", requestBody: body("PartUpdate"), responses: { "200": ok("Part"), ...errors(400, 401, 404) } },
        delete: { summary: "Delete a part and its attachment rows", responses: { "204": { description: "Deleted" }, ...errors(401, 404) } },
      },
      "/api/parts/{key}/cover": {
        parameters: [keyParam],
        put: {
          summary: "Set or clear the cover image",
          requestBody: body("Cover"),
          responses: { "200": ok("Part"), ...errors(400, 401, 404, 409, 422) },
        },
        ...gone("cover_url"),
      },
      "/api/parts/{key}/cover/thumbnail": { parameters: [keyParam], ...gone("cover_url") },
      "/api/parts/{key}/attachments": {
        parameters: [keyParam],
        get: { summary: "A part's attachments", responses: { "200": ok("Attachments"), ...errors(401, 404) } },
        post: {
          summary: "Upload a file (raw body or multipart), attach a stored blob by its hash (JSON, no bytes) or add a URL attachment (JSON)",
          parameters: [
            { name: "filename", in: "query", schema: { type: "string" } },
            { name: "title", in: "query", schema: { type: "string" } },
            { name: "sha256", in: "query", schema: { type: "string" } },
            { name: "X-Content-SHA256", in: "header", schema: { type: "string" } },
            {
              name: "X-Attributes",
              in: "header",
              description: "The attachment's attributes: a JSON object, raw or percent-encoded UTF-8",
              schema: { type: "string" },
            },
          ],
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: {
                  oneOf: [{ $ref: "#/components/schemas/UrlAttachmentCreate" }, { $ref: "#/components/schemas/StoredBlobAttachmentCreate" }],
                },
              },
              "multipart/form-data": {
                schema: {
                  type: "object",
                  properties: {
                    file: { type: "string", format: "binary" },
                    title: { type: "string" },
                    sha256: { type: "string" },
                    attributes: { type: "string", description: "JSON object, as in X-Attributes" },
                  },
                },
              },
              "*/*": { schema: { type: "string", format: "binary" } },
            },
          },
          responses: { "201": ok("Attachment", "Created"), ...errors(400, 401, 404, 411, 413, 422) },
        },
      },
      "/api/parts/{key}/attachments/{id}": {
        parameters: [keyParam, idParam],
        get: { summary: "One attachment", responses: { "200": ok("Attachment"), ...errors(401, 404) } },
        patch: {
          summary: "Rename, or change attributes with an RFC 7396 merge patch",
          requestBody: {
            required: true,
            content: {
              "application/merge-patch+json": { schema: { $ref: "#/components/schemas/AttachmentUpdate" } },
              "application/json": { schema: { $ref: "#/components/schemas/AttachmentUpdate" } },
            },
          },
          responses: { "200": ok("Attachment"), ...errors(400, 401, 404, 422) },
        },
        delete: { summary: "Delete the row (the blob is kept for GC)", responses: { "204": { description: "Deleted" }, ...errors(401, 404) } },
      },
      "/api/parts/{key}/attachments/{id}/copy": {
        parameters: [keyParam, idParam],
        post: {
          summary: "Copy to another part (same blob)",
          requestBody: body("Copy"),
          responses: { "201": ok("Attachment", "Created"), ...errors(400, 401, 404) },
        },
      },
      "/api/attachments": {
        get: {
          summary: "Attachments across parts, filtered and paged",
          parameters: [
            { name: "part", in: "query", schema: { type: "string" } },
            { name: "type", in: "query", description: "A media range: image/*, image/png", schema: { type: "string" } },
            {
              name: "attr.{key}",
              in: "query",
              description: "Top-level attribute equal to this value, compared as JSON (7 is a number, abc a string); repeat for more",
              schema: { type: "string" },
            },
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100 } },
            { name: "cursor", in: "query", schema: { type: "string" } },
          ],
          responses: { "200": ok("AttachmentList"), ...errors(400, 401, 403) },
        },
      },
      "/health": { get: { summary: "Liveness: no I/O", security: [], responses: { "200": { description: "Alive" } } } },
      "/": { get: { summary: "The parts page (HTML; it asks for a token in the browser)", security: [], responses: { "200": html } } },
      "/parts/{key}": { parameters: [keyParam], get: { summary: "The parts page, showing one part", security: [], responses: { "200": html } } },
      "/api/docs": { get: { summary: "This reference, rendered by Swagger UI served from the worker", security: [], responses: { "200": html } } },
      "/app.css": pageFile("The page's styles"),
      "/favicon.svg": pageFile("The page's icon"),
      "/build/{file}": pageFile("The page's scripts, bundled by scripts/build-web.ts", true),
      "/vendor/swagger-ui/{file}": pageFile("Swagger UI's files, for /api/docs", true),
      "/health/ready": {
        get: {
          summary: "Readiness: D1, R2 and the Durable Object, each with its latency",
          security: [],
          responses: { "200": { description: "Ready" }, ...errors(503) },
        },
      },
      "/api/parts/{key}/attachments/{id}/download": { parameters: [keyParam, idParam], ...gone("download_url") },
      "/api/parts/{key}/attachments/{id}/thumbnail": { parameters: [keyParam, idParam], ...gone("thumbnail_url") },
      "/api/legacy/attachments/{id}/{variant}": {
        parameters: [idParam, { name: "variant", in: "path", required: true, schema: { enum: ["download", "view", "thumbnail"] } }],
        get: {
          summary: "A not-yet-migrated attachment's signed link: migrates it and redirects to its CAS URL",
          description:
            "In the ro storage mode nothing is migrated: download and view answer 200 with the legacy bytes (not cacheable), thumbnail 503 with Retry-After.",
          responses: {
            "200": { description: "ro mode: the legacy bytes" },
            "307": { description: "To the CAS URL" },
            ...errors(404, 503),
          },
        },
      },
      "/api/admin/migration": {
        get: { summary: "Legacy-to-CAS migration status", responses: { "200": { description: "OK" }, ...errors(401, 403) } },
      },
      "/api/admin/migration/run": {
        post: { summary: "One migration batch now (?dry_run, ?batch_size)", responses: { "200": { description: "OK" }, ...errors(401, 403, 409) } },
      },
      "/api/admin/migration/cleanup": {
        get: {
          summary: "Where the legacy cleanup pass stands, and what blocks it",
          responses: { "200": { description: "OK" }, ...errors(401, 403) },
        },
        post: {
          summary: "One budgeted step of the legacy cleanup (?dry_run, default true; ?cursor, ?budget_ms, ?max_objects)",
          responses: { "200": { description: "Progress: scanned, deleted, kept, cursor, done" }, ...errors(400, 401, 403, 409) },
        },
      },
      "/api/admin/gc": {
        get: { summary: "Where the orphan-blob GC pass stands", responses: { "200": { description: "OK" }, ...errors(401, 403) } },
        post: {
          summary: "One budgeted step of the orphan-blob GC (?dry_run, default true; ?grace_hours, ?cursor, ?budget_ms, ?max_objects)",
          responses: { "200": { description: "Progress: scanned, deleted, kept, cursor, done" }, ...errors(400, 401, 403, 409) },
        },
      },
      "/api/openapi.json": { get: { summary: "This document", responses: { "200": { description: "OpenAPI 3.1" } } } },
      "/api/limits": {
        get: {
          summary: "The most bytes each kind of request body may have, and which routes take which kind",
          description:
            "A declared Content-Length over a route's limit is answered 413 before any byte is read; a client can check a file against these first.",
          responses: { "200": { description: "`bodies`: bytes per body kind; `routes`: method, path, body kind and max_bytes" } },
        },
      },
      ...firmwarePaths,
    }),
  };
}
