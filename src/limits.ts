import { z } from "zod";
import { TOKEN_FORM_BYTES } from "./access/client-credentials";
import { BODY_KINDS, ROUTE_POLICIES } from "./access/policy";
import { EXISTS_BODY_BYTES } from "./cas/routes";
import { config } from "./config";
import type { BodyKind, RequestRoute } from "./env";
import { RESULT_BODY_BYTES } from "./firmware/coredump-routes";
import { KiB } from "./http/bounded-body";
import { MAX_PART_SIZE } from "./uploads/geometry";
import { JSON_BODY_LIMIT } from "./validation";

/**
 * Each body kind's cap in bytes (the policy table names a route's kind), from
 * the same constants and settings the handlers check: the body middleware
 * refuses a declared length over it before the first byte, and
 * GET /api/limits tells clients, so the three cannot disagree.
 */
export function bodyLimits(env: Env): Record<BodyKind, number> {
  const settings = config(env);
  return {
    json: JSON_BODY_LIMIT,
    "hash-list": EXISTS_BODY_BYTES,
    "parse-result": RESULT_BODY_BYTES,
    "token-form": TOKEN_FORM_BYTES,
    blob: settings.maxUploadBytes,
    // Raw bytes or a whole multipart form: the attachment handler checks Content-Length against the same limit.
    upload: settings.maxUploadBytes,
    part: MAX_PART_SIZE,
    "firmware-zip": settings.maxFirmwareZipBytes,
    coredump: settings.maxCoredumpBytes,
  };
}

/**
 * A body sent where none is taken (a route without a body kind, or no route
 * at all) is read and dropped up to this, so a client that sends `{}` by
 * habit keeps its connection; a larger one is refused before it is read.
 */
export const UNWANTED_BODY_BYTES = 64 * KiB;

/** The cap for one request's body, from its row of the policy table. */
export function bodyCap(env: Env, route: RequestRoute): number {
  const kind = route.policy?.body;
  return kind ? bodyLimits(env)[kind] : UNWANTED_BODY_BYTES;
}

/** GET /api/limits's answer; limitsDocument builds it typed by this, and the OpenAPI document describes it from this. */
export const limitsResponse = z.object({
  bodies: z.record(z.enum(BODY_KINDS), z.number().int()).describe("The most bytes a body of each kind may have"),
  routes: z
    .array(z.object({ method: z.string(), path: z.string(), body: z.enum(BODY_KINDS), max_bytes: z.number().int() }))
    .describe("The routes that take a body: its kind and limit (paths as OpenAPI writes them)"),
});

/** GET /api/limits: each body kind's cap, and which routes take which kind (paths as OpenAPI writes them). */
export function limitsDocument(env: Env): z.infer<typeof limitsResponse> {
  const bodies = bodyLimits(env);
  return {
    bodies: Object.fromEntries(BODY_KINDS.map((kind) => [kind, bodies[kind]])) as Record<BodyKind, number>,
    routes: ROUTE_POLICIES.flatMap(([method, path, , , body]) =>
      body ? [{ method, path: path.replace(/:(\w+)/g, "{$1}"), body, max_bytes: bodies[body] }] : [],
    ),
  };
}
