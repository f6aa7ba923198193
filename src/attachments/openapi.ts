import { z } from "zod";
import { body, errors, ok, pathParam, ref, schema } from "../http/openapi";
import { attributesObject } from "./attributes";
import * as s from "./schemas";

/** The parts and attachments paths of the OpenAPI document (src/openapi.ts), bodies and answers from the validators. */
export const attachmentSchemas = {
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
};

const key = pathParam("key");
const id = pathParam("id", { type: "integer" });
const query = (name: string, schema: object, description?: string) => ({ name, in: "query", ...(description ? { description } : {}), schema });
const page = [query("limit", { type: "integer", minimum: 1, maximum: 100 }), query("cursor", { type: "string" })];
/** The blob endpoints CAS replaced (routes.ts answers them 410). */
const gone = (field: string) => ({ get: { summary: `Removed: use ${field}`, responses: errors(410) } });

const uploadBody = {
  required: true,
  content: {
    "application/json": { schema: { oneOf: [ref("UrlAttachmentCreate"), ref("StoredBlobAttachmentCreate")] } },
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
};

export const attachmentPaths = {
  "/api/parts": {
    get: {
      summary: "List parts",
      parameters: [...page, query("q", { type: "string", maxLength: 200 }, "Only parts whose name contains this text")],
      responses: { "200": ok("PartList"), ...errors(400, 401) },
    },
    post: { summary: "Create a part", requestBody: body("PartCreate"), responses: { "201": ok("Part", "Created"), ...errors(400, 401) } },
  },
  "/api/parts/{key}": {
    parameters: [key],
    get: { summary: "One part", responses: { "200": ok("Part"), ...errors(401, 404) } },
    patch: { summary: "Change a part", requestBody: body("PartUpdate"), responses: { "200": ok("Part"), ...errors(400, 401, 404) } },
    delete: { summary: "Delete a part and its attachment rows", responses: { "204": { description: "Deleted" }, ...errors(401, 404) } },
  },
  "/api/parts/{key}/cover": {
    parameters: [key],
    put: {
      summary: "Set or clear the cover image",
      requestBody: body("Cover"),
      responses: { "200": ok("Part"), ...errors(400, 401, 404, 409, 422) },
    },
    ...gone("cover_url"),
  },
  "/api/parts/{key}/cover/thumbnail": { parameters: [key], ...gone("cover_url") },
  "/api/parts/{key}/attachments": {
    parameters: [key],
    get: { summary: "A part's attachments", responses: { "200": ok("Attachments"), ...errors(401, 404) } },
    post: {
      summary: "Upload a file (raw body or multipart), attach a stored blob by its hash (JSON, no bytes) or add a URL attachment (JSON)",
      parameters: [
        query("filename", { type: "string" }),
        query("title", { type: "string" }),
        query("sha256", { type: "string" }),
        { name: "X-Content-SHA256", in: "header", schema: { type: "string" } },
        {
          name: "X-Attributes",
          in: "header",
          description: "The attachment's attributes: a JSON object, raw or percent-encoded UTF-8",
          schema: { type: "string" },
        },
      ],
      requestBody: uploadBody,
      responses: { "201": ok("Attachment", "Created"), ...errors(400, 401, 404, 411, 413, 422) },
    },
  },
  "/api/parts/{key}/attachments/{id}": {
    parameters: [key, id],
    get: { summary: "One attachment", responses: { "200": ok("Attachment"), ...errors(401, 404) } },
    patch: {
      summary: "Rename, or change attributes with an RFC 7396 merge patch",
      requestBody: {
        required: true,
        content: {
          "application/merge-patch+json": { schema: ref("AttachmentUpdate") },
          "application/json": { schema: ref("AttachmentUpdate") },
        },
      },
      responses: { "200": ok("Attachment"), ...errors(400, 401, 404, 422) },
    },
    delete: { summary: "Delete the row (the blob is kept for GC)", responses: { "204": { description: "Deleted" }, ...errors(401, 404) } },
  },
  "/api/parts/{key}/attachments/{id}/copy": {
    parameters: [key, id],
    post: {
      summary: "Copy to another part (same blob)",
      requestBody: body("Copy"),
      responses: { "201": ok("Attachment", "Created"), ...errors(400, 401, 404) },
    },
  },
  "/api/parts/{key}/attachments/{id}/download": { parameters: [key, id], ...gone("download_url") },
  "/api/parts/{key}/attachments/{id}/thumbnail": { parameters: [key, id], ...gone("thumbnail_url") },
  "/api/attachments": {
    get: {
      summary: "Attachments across parts, filtered and paged",
      parameters: [
        query("part", { type: "string" }),
        query("type", { type: "string" }, "A media range: image/*, image/png"),
        query(
          "attr.{key}",
          { type: "string" },
          "Top-level attribute equal to this value, compared as JSON (7 is a number, abc a string); repeat for more",
        ),
        ...page,
      ],
      responses: { "200": ok("AttachmentList"), ...errors(400, 401, 403) },
    },
  },
};
