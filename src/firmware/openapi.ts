import type { z } from "zod";
import { errors, jwkSet, ok, okList, pathParam, queryParam, schema } from "../http/openapi";
import { rolloutPaths, rolloutSchemas } from "./rollouts/openapi";
import * as s from "./schemas";

/**
 * The firmware and coredump paths of the OpenAPI document (src/openapi.ts), request bodies from the validators.
 * Every link to an artifact or a dump is signed (503 links_unconfigured when the server holds no LINK_SIGNING_KEYS).
 */
const input = (type: z.ZodType) => ({ required: true, content: { "application/json": { schema: schema(type, "input") } } });
const param = (name: string, type = "string") => pathParam(name, { type });
const pageParams = [
  queryParam("limit", "Rows per page (default 50)", { type: "integer", minimum: 1, maximum: 100 }),
  queryParam("cursor", "The `next_cursor` of the previous page"),
];
const versionParam = {
  name: "version",
  in: "path",
  required: true,
  description: 'The version from the app\'s esp_app_desc_t; an upload whose version does not match (or holds "..") is refused with 422.',
  schema: { type: "string", pattern: s.FIRMWARE_VERSION.source, not: { pattern: "\\.\\." } },
};

export const firmwareSchemas = {
  DeviceModel: schema(s.modelResponse),
  DeviceModelWithFirmware: schema(s.modelWithFirmware),
  Firmware: schema(s.firmwareResponse),
  FirmwareUpload: schema(s.firmwareUploadResponse),
  Device: schema(s.deviceResponse),
  DevicePage: schema(s.devicePage),
  Coredump: schema(s.coredumpResponse),
  CoredumpPage: schema(s.coredumpPage),
  CoredumpReceived: schema(s.coredumpReceived),
  CoredumpClaim: schema(s.claimResponse),
  OtaManifest: schema(s.otaResponse),
  ...rolloutSchemas,
};

export const firmwarePaths = {
  "/api/device-models": {
    get: { summary: "Device models", responses: { "200": okList("DeviceModel"), ...errors(401, 403) } },
    post: {
      summary: "Create a device model",
      requestBody: input(s.modelCreate),
      responses: { "201": ok("DeviceModel", "Created"), ...errors(400, 401, 403, 409) },
    },
  },
  "/api/device-models/{model}": {
    parameters: [param("model")],
    get: { summary: "A model with its firmware versions", responses: { "200": ok("DeviceModelWithFirmware"), ...errors(401, 403, 404, 503) } },
  },
  "/api/device-models/{model}/firmware": {
    parameters: [param("model")],
    get: { summary: "Firmware versions, newest first", responses: { "200": okList("Firmware", "Newest first"), ...errors(401, 403, 404, 503) } },
    post: {
      summary: "Upload an ESP-IDF build as a ZIP (app .bin, .elf, .map, bootloader, partition table)",
      description: `The version comes from the app's esp_app_desc_t and must match ${s.FIRMWARE_VERSION.source} without ".." (else 422).`,
      requestBody: { required: true, content: { "application/zip": { schema: { type: "string", format: "binary" } } } },
      responses: {
        "200": ok("FirmwareUpload", "Same version, same bytes"),
        "201": ok("FirmwareUpload", "Recorded"),
        ...errors(400, 401, 403, 404, 409, 411, 413, 415, 422, 503),
      },
    },
  },
  "/api/device-models/{model}/firmware/{version}": {
    parameters: [param("model"), versionParam],
    get: { summary: "One firmware version and signed links to its artifacts", responses: { "200": ok("Firmware"), ...errors(401, 403, 404, 503) } },
  },
  "/api/devices": {
    get: {
      summary: "Devices by key, a page at a time, with their model and the firmware they last reported",
      parameters: [queryParam("model", "Only devices of this model (404 when there is none)"), ...pageParams],
      responses: { "200": ok("DevicePage", "A page of devices"), ...errors(400, 401, 403, 404) },
    },
  },
  "/api/devices/{device}": {
    parameters: [param("device")],
    get: { summary: "A device and the firmware it last reported", responses: { "200": ok("Device"), ...errors(401, 403, 404) } },
    put: {
      summary: "Register or move a device; set its tags and its pinned version (both kept when left out)",
      requestBody: input(s.devicePut),
      responses: { "200": ok("Device", "Updated"), "201": ok("Device", "Created"), ...errors(400, 401, 403, 422) },
    },
  },
  "/api/devices/{device}/firmware": {
    parameters: [
      param("device"),
      { name: "version", in: "query", schema: { type: "string" } },
      { name: "X-Firmware-Version", in: "header", schema: { type: "string" } },
    ],
    get: {
      summary:
        "OTA check (device token): a signed manifest (compact JWS, keys at /.well-known/cas-edge-update-keys) naming the version its pin, " +
        "its rollout stage or the model's default names: the app image, its SHA-256, a signed link (valid OTA_LINK_SECONDS or more), " +
        "the rollout id and whether a downgrade is allowed, with its payload copied beside it; or 204. " +
        "503 manifests_unconfigured without UPDATE_SIGNING_KEYS. Server-Timing d1-rows-read: the D1 rows the check read",
      responses: {
        "200": ok("OtaManifest", "The signed manifest, its payload copied beside it"),
        "204": { description: "Current" },
        ...errors(400, 401, 403, 404, 503),
      },
    },
  },
  "/.well-known/cas-edge-update-keys": {
    get: {
      summary: "Public keys that sign OTA manifests (every key of UPDATE_SIGNING_KEYS, so both during a rotation)",
      responses: { "200": jwkSet },
    },
  },
  "/api/devices/{device}/coredumps": {
    parameters: [param("device")],
    get: { summary: "A device's coredumps, newest first", responses: { "200": okList("Coredump", "Newest first"), ...errors(401, 403, 404, 503) } },
    post: {
      summary: "Upload a coredump (device token)",
      requestBody: { required: true, content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } } },
      responses: { "201": ok("CoredumpReceived", "Stored (Location)"), ...errors(400, 401, 403, 404, 411, 413) },
    },
  },
  "/api/devices/{device}/coredumps/{hash}": {
    parameters: [param("device"), { name: "hash", in: "path", required: true, schema: { type: "string", pattern: "^[0-9a-f]{64}$" } }],
    put: {
      summary: "Import a coredump another store received (operators): idempotent by the device and the dump's SHA-256",
      requestBody: { required: true, content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } } },
      responses: { "200": ok("Coredump", "Already there"), "201": ok("Coredump", "Stored"), ...errors(400, 401, 403, 404, 411, 413, 503) },
    },
  },
  "/api/coredumps": {
    get: {
      summary: "The coredump queue, newest first, a page at a time (no parse results: GET /api/coredumps/{id} has one)",
      parameters: [
        queryParam("status", "Only dumps in this state", { enum: ["PENDING", "PARSED", "FAILED"] }),
        queryParam("device", "Only this device's dumps (404 when there is none)"),
        ...pageParams,
      ],
      responses: { "200": ok("CoredumpPage", "A page of dumps"), ...errors(400, 401, 403, 404, 503) },
    },
  },
  "/api/coredumps/claim": {
    post: {
      summary: "Lease the oldest pending coredump (parser)",
      requestBody: { ...input(s.claimBody), required: false },
      responses: { "200": ok("CoredumpClaim", "Leased"), "204": { description: "Queue empty" }, ...errors(400, 401, 403, 503) },
    },
  },
  "/api/coredumps/{id}": {
    parameters: [param("id", "integer")],
    get: { summary: "One coredump", responses: { "200": ok("Coredump"), ...errors(401, 403, 404, 503) } },
    delete: { summary: "Delete the row (the blob is kept for GC)", responses: { "204": { description: "Deleted" }, ...errors(401, 403, 404) } },
  },
  "/api/coredumps/{id}/result": {
    parameters: [param("id", "integer")],
    post: {
      summary: "Report a parse result (lease holder only)",
      requestBody: input(s.resultBody),
      responses: { "200": ok("Coredump"), ...errors(400, 401, 403, 404, 409, 503) },
    },
  },
  ...rolloutPaths,
};
