import { z } from "zod";
import { binaryBody, body, bytes, errors, ok, pathParam, schema } from "../http/openapi";
import { existsBody, storedResponse } from "./routes";

/** The blob paths of the OpenAPI document (src/openapi.ts). */
export const casSchemas = {
  ExistsRequest: schema(existsBody, "input"),
  ExistsResponse: schema(z.object({ present: z.array(z.string()), missing: z.array(z.string()) })),
  Stored: schema(storedResponse),
};

export const casPaths = {
  "/api/cas/{hash}": {
    parameters: [pathParam("hash", { type: "string", pattern: "^[0-9a-f]{64}$" })],
    get: {
      summary: "The blob's bytes (or, with ?thumbnail=N, a thumbnail of an image); immutable, no database read",
      parameters: ["content_type", "disposition", "filename", "thumbnail"].map((name) => ({ name, in: "query", schema: { type: "string" } })),
      responses: {
        "200": bytes("The bytes"),
        "206": bytes("A byte range"),
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
      requestBody: binaryBody,
      responses: { "200": ok("Stored", "Already stored"), "201": ok("Stored", "Stored (Location)"), ...errors(400, 401, 411, 413) },
    },
  },
  "/api/private/{hash}": {
    parameters: [pathParam("hash", { type: "string", pattern: "^[0-9a-f]{64}$" })],
    get: {
      summary:
        "A private blob's bytes (or a thumbnail) through a signed link an API answer handed out; Cache-Control private, max-age no longer than the link lives",
      parameters: [
        ...["content_type", "disposition", "filename", "thumbnail"].map((name) => ({ name, in: "query", schema: { type: "string" } })),
        { name: "exp", in: "query", required: true, description: "Expiry, epoch seconds (signed)", schema: { type: "string" } },
        { name: "kid", in: "query", required: true, description: "The signing key's id (signed)", schema: { type: "string" } },
        { name: "sig", in: "query", required: true, description: "HMAC-SHA256, base64url", schema: { type: "string" } },
      ],
      responses: {
        "200": bytes("The bytes"),
        "206": bytes("A byte range"),
        "304": { description: "Not modified" },
        ...errors(400, 403, 404, 416, 503),
      },
    },
    head: {
      summary: "The headers GET would send",
      responses: { "200": { description: "OK" }, "304": { description: "Not modified" }, ...errors(400, 403, 404, 503) },
    },
  },
  "/api/cas/exists": {
    post: {
      summary: "Which hashes are stored",
      requestBody: body("ExistsRequest"),
      responses: { "200": ok("ExistsResponse"), ...errors(400, 401) },
    },
  },
};
