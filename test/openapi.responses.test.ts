import { SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { api, createPart, upload } from "./support/api";
import { ORIGIN, putRequest, randomBytes, sha256 as sha256Hex } from "./support/blobs";
import { elfCoredump } from "./support/esp-build";
import { createModel, deviceWithToken, publish, sendCoredump } from "./support/firmware";
import { ADMIN_TOKEN, tokenWith } from "./support/tokens";

/**
 * The page, the console and the scripts call the API through types generated
 * from the OpenAPI document (src/api-types.gen.ts): a JSON answer the
 * document leaves untyped, or describes wrongly, types nothing or lies.
 */
type Schema = Record<string, unknown>;
interface Doc {
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> }>>;
  components: { schemas: Record<string, Schema> };
}

let doc: Doc;
beforeAll(async () => {
  doc = await (await SELF.fetch(`${ORIGIN}/api/openapi.json`)).json();
});

const METHODS = ["get", "put", "post", "delete", "patch", "head"];
const isJson = (type: string) => type === "application/json" || type.endsWith("+json");
/** A schema that says something: a reference, or an object with properties, or an array with items. */
const described = (s: Schema | undefined) => !!s && ("$ref" in s || "properties" in s || "items" in s);

describe("the OpenAPI document's answers", () => {
  it("gives every 2xx answer with a body a media type, and every JSON one a schema", () => {
    const offenders: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of METHODS) {
        for (const [status, response] of Object.entries(item[method]?.responses ?? {})) {
          if (!status.startsWith("2") || status === "204") continue;
          const where = `${method.toUpperCase()} ${path} ${status}`;
          // HEAD answers have no body; every other 2xx names what its body is.
          if (!response.content) {
            if (method !== "head") offenders.push(`${where}: no content`);
            continue;
          }
          for (const [type, media] of Object.entries(response.content)) {
            if (isJson(type) && !described(media.schema)) offenders.push(`${where}: ${type} without a schema`);
          }
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});

/** The document's schema of one answer, its references resolved, as a validator (zod reads JSON Schema back). */
function documented(method: string, path: string, status: number): z.ZodType {
  const schema = doc.paths[path]?.[method]?.responses?.[String(status)]?.content?.["application/json"]?.schema;
  if (!schema) throw new Error(`${method.toUpperCase()} ${path} ${status} has no JSON schema in the document`);
  const resolve = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(resolve);
    if (node === null || typeof node !== "object") return node;
    const ref = (node as { $ref?: string }).$ref;
    if (ref) return resolve(doc.components.schemas[ref.replace("#/components/schemas/", "")]);
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, resolve(v)]));
  };
  return z.fromJSONSchema(resolve(schema) as Parameters<typeof z.fromJSONSchema>[0]);
}

/** Sends a request and checks its JSON answer against what the document says of that path and status. */
async function answers(method: string, path: string, res: Response, status: number): Promise<unknown> {
  expect(res.status, `${method} ${path}: ${res.status === status ? "" : await res.clone().text()}`).toBe(status);
  const body = await res.json();
  const checked = documented(method.toLowerCase(), path, status).safeParse(body);
  expect(checked.success ? [] : checked.error.issues, `${method} ${path} ${status}: ${JSON.stringify(body).slice(0, 500)}`).toEqual([]);
  return body;
}

const as = (token: string, path: string, init: RequestInit = {}) =>
  SELF.fetch(`${ORIGIN}${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, ...init.headers } });
const admin = (path: string, init: RequestInit = {}) => as(ADMIN_TOKEN, path, init);
const jsonBody = (value: unknown, method = "POST"): RequestInit => ({
  method,
  body: JSON.stringify(value),
  headers: { "Content-Type": "application/json" },
});

describe("real answers match the document", { timeout: 60_000 }, () => {
  it("parts, attachments, search, blobs, uploads and limits", async () => {
    const part = (await createPart("Documented capacitor")) as { key: string };
    await answers("GET", "/api/parts", await api("/parts"), 200);
    await answers("GET", "/api/parts/{key}", await api(`/parts/${part.key}`), 200);
    const bytes = randomBytes(300);
    await answers("POST", "/api/parts/{key}/attachments", await upload(part.key, bytes, { filename: "note.bin" }), 201);
    await answers("GET", "/api/parts/{key}/attachments", await api(`/parts/${part.key}/attachments`), 200);
    await answers("GET", "/api/attachments", await api(`/attachments?part=${part.key}`), 200);
    await answers("GET", "/api/search", await api("/search?q=Documented"), 200);
    await answers("GET", "/api/limits", await api("/limits"), 200);
    await answers("GET", "/api/whoami", await admin("/api/whoami"), 200);

    const blob = randomBytes(100);
    const hash = await sha256Hex(blob);
    await answers("PUT", "/api/cas/{hash}", await SELF.fetch(putRequest(hash, blob)), 201);
    await answers("POST", "/api/cas/exists", await admin("/api/cas/exists", jsonBody({ hashes: [hash] })), 200);
    const big = randomBytes(64);
    const session = await admin("/api/uploads", jsonBody({ sha256: await sha256Hex(big), size: big.length }));
    await answers("POST", "/api/uploads", session, 201);
    await answers("POST", "/api/uploads", await admin("/api/uploads", jsonBody({ sha256: hash, size: blob.length })), 200);
  });

  it("device models, firmware, devices, coredumps, groups and rollouts", async () => {
    const model = await createModel();
    await answers("GET", "/api/device-models", await admin("/api/device-models"), 200);
    await publish(model, "1.0.0");
    await answers("GET", "/api/device-models/{model}", await admin(`/api/device-models/${model}`), 200);
    await answers("GET", "/api/device-models/{model}/firmware", await admin(`/api/device-models/${model}/firmware`), 200);
    await answers("GET", "/api/device-models/{model}/firmware/{version}", await admin(`/api/device-models/${model}/firmware/1.0.0`), 200);

    const { device, token } = await deviceWithToken(model);
    await answers("GET", "/api/devices/{device}", await admin(`/api/devices/${device}`), 200);
    await answers("PUT", "/api/devices/{device}", await admin(`/api/devices/${device}`, jsonBody({ model, tags: ["lab"] }, "PUT")), 200);
    await answers("POST", "/api/devices/{device}/coredumps", await sendCoredump(token, device, elfCoredump(null)), 201);
    const { token: parser } = await tokenWith(["coredumps:parse"]);
    await answers("GET", "/api/devices/{device}/coredumps", await admin(`/api/devices/${device}/coredumps`), 200);
    const claim = (await answers("POST", "/api/coredumps/claim", await as(parser, "/api/coredumps/claim", jsonBody({})), 200)) as {
      coredump_id: number;
      lease_id: string;
    };
    await answers("GET", "/api/coredumps/{id}", await admin(`/api/coredumps/${claim.coredump_id}`), 200);
    const result = jsonBody({ lease_id: claim.lease_id, status: "PARSED", result: "backtrace" });
    await answers("POST", "/api/coredumps/{id}/result", await as(parser, `/api/coredumps/${claim.coredump_id}/result`, result), 200);

    await answers(
      "POST",
      "/api/device-models/{model}/groups",
      await admin(`/api/device-models/${model}/groups`, jsonBody({ key: "lab", tags: ["lab"] })),
      201,
    );
    await answers("GET", "/api/device-models/{model}/groups", await admin(`/api/device-models/${model}/groups`), 200);
    const stages = [{ percent: 100, min_soak_seconds: 0, max_failure_ratio: 0.5 }];
    const rollout = (await answers("POST", "/api/rollouts", await admin("/api/rollouts", jsonBody({ model, version: "1.0.0", stages })), 201)) as {
      id: number;
    };
    await answers("POST", "/api/rollouts/{id}/start", await admin(`/api/rollouts/${rollout.id}/start`, { method: "POST" }), 200);
    await answers("GET", "/api/rollouts", await admin(`/api/rollouts?model=${model}`), 200);
    await answers("GET", "/api/rollouts/{id}", await admin(`/api/rollouts/${rollout.id}`), 200);
  });

  it("housekeeping, migration, audit, accounts and health", async () => {
    for (const path of ["/api/admin/migration/cleanup", "/api/admin/gc", "/api/admin/visibility"]) {
      await answers("GET", path, await admin(path), 200);
      await answers("POST", path, await admin(`${path}?dry_run=true`, { method: "POST" }), 200);
    }
    await answers("GET", "/api/admin/migration", await admin("/api/admin/migration"), 200);
    await answers("POST", "/api/admin/migration/run", await admin("/api/admin/migration/run?dry_run=true", { method: "POST" }), 200);
    await answers("GET", "/api/admin/audit", await admin("/api/admin/audit"), 200);
    await answers("GET", "/api/admin/accounts", await admin("/api/admin/accounts"), 200);
    await answers("GET", "/health", await SELF.fetch(`${ORIGIN}/health`), 200);
    await answers("GET", "/health/ready", await SELF.fetch(`${ORIGIN}/health/ready`), 200);
    await answers("GET", "/.well-known/jwks.json", await SELF.fetch(`${ORIGIN}/.well-known/jwks.json`), 200);
    await answers("GET", "/.well-known/oauth-authorization-server", await SELF.fetch(`${ORIGIN}/.well-known/oauth-authorization-server`), 200);
  });
});
