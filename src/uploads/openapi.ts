import { binaryBody, body, errors, ok, pathParam, schema } from "../http/openapi";
import { DEFAULT_PART_SIZE, MAX_PART_SIZE, MAX_PARTS, MIN_PART_SIZE } from "./geometry";
import { createUploadBody, existingBlobResponse, uploadResponse } from "./schemas";

/** The resumable-upload paths of the OpenAPI document (src/openapi.ts), named after the S3 operations they mirror. */
export const uploadSchemas = {
  UploadCreate: schema(createUploadBody, "input"),
  Upload: schema(uploadResponse),
  UploadExisting: schema(existingBlobResponse),
};

const uploadId = pathParam("id", { type: "string", format: "uuid" });
const mib = (bytes: number) => `${bytes / (1024 * 1024)} MiB`;

export const uploadPaths = {
  "/api/uploads": {
    post: {
      operationId: "CreateMultipartUpload",
      summary: "Start a resumable upload of a blob whose SHA-256 and size are known (200 at once if it is stored)",
      description: `Parts of part_size bytes (${mib(MIN_PART_SIZE)} to ${mib(MAX_PART_SIZE)}, default ${mib(DEFAULT_PART_SIZE)}; the last one smaller) are then PUT in order. The blob appears at its CAS URL only after complete, and only if the parts hash to sha256. The session belongs to the token's sub: any other token without the admin scope gets 404 for it, as for an unknown id.`,
      requestBody: body("UploadCreate"),
      responses: {
        "200": ok("UploadExisting", "Already stored: nothing to send"),
        "201": ok("Upload", "Session created (Location)"),
        ...errors(400, 401, 403, 413),
      },
    },
  },
  "/api/uploads/{id}": {
    parameters: [uploadId],
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
    parameters: [uploadId, pathParam("part", { type: "integer", minimum: 1, maximum: MAX_PARTS })],
    put: {
      operationId: "UploadPart",
      summary:
        "Send part n (must be next_part; Content-Length must be its exact size). A part already stored is acknowledged, not stored or hashed again",
      requestBody: binaryBody,
      responses: { "200": ok("Upload"), ...errors(400, 401, 404, 409, 410, 411, 413, 503) },
    },
  },
  "/api/uploads/{id}/complete": {
    parameters: [uploadId],
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
};
