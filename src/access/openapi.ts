import { z } from "zod";
import { errors, json, jwkSet, pathParam, schema } from "../http/openapi";
import { policyMethod, ROUTE_POLICIES } from "./policy";
import { accountCreate, accountResponse, accountWithSecret, modeResponse, modeUpdate, tokenResponse, whoamiResponse } from "./schemas";
import { SCOPES } from "./scopes";

/** The access part of the OpenAPI document: schemas, security schemes, paths, and each operation's scope from the policy table. */
const oauthError = { description: "RFC 6749 §5.2 error", ...json("OAuthError") };
const clientIdParam = pathParam("clientId");

export const accessSchemas = {
  AccountCreate: schema(accountCreate, "input"),
  Account: schema(accountResponse),
  AccountWithSecret: schema(accountWithSecret),
  AccountList: schema(z.object({ accounts: z.array(accountResponse) })),
  ModeUpdate: schema(modeUpdate, "input"),
  Mode: schema(modeResponse),
  Token: schema(tokenResponse),
  Whoami: schema(whoamiResponse),
  OAuthError: {
    type: "object",
    required: ["error"],
    properties: {
      error: { enum: ["invalid_request", "invalid_client", "invalid_scope", "unsupported_grant_type", "slow_down", "server_error"] },
      error_description: { type: "string" },
    },
  },
};

export const securitySchemes = {
  bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT (or a legacy static token)" },
  oauth2: {
    type: "oauth2",
    flows: { clientCredentials: { tokenUrl: "/api/oauth/token", scopes: Object.fromEntries(SCOPES.map((s) => [s, s])) } },
  },
};

const accountAction = (summary: string, withSecret = false) => ({
  parameters: [clientIdParam],
  post: {
    summary,
    responses: { "200": { description: "The account", ...json(withSecret ? "AccountWithSecret" : "Account") }, ...errors(401, 403, 404, 409) },
  },
});

export const accessPaths = {
  "/api/oauth/token": {
    post: {
      summary: "Client credentials grant (RFC 6749 §4.4): client_id/secret by HTTP Basic or form body → a short-lived ES256 JWT",
      requestBody: {
        required: true,
        content: {
          "application/x-www-form-urlencoded": {
            schema: {
              type: "object",
              required: ["grant_type"],
              properties: {
                grant_type: { const: "client_credentials" },
                scope: { type: "string" },
                client_id: { type: "string" },
                client_secret: { type: "string" },
              },
            },
          },
        },
      },
      responses: { "200": { description: "A token", ...json("Token") }, "400": oauthError, "401": oauthError, "429": oauthError },
    },
  },
  "/.well-known/jwks.json": {
    get: {
      summary: "Public keys that sign access tokens (two during a key rotation)",
      responses: { "200": jwkSet },
    },
  },
  "/.well-known/oauth-authorization-server": {
    get: {
      summary: "Authorization server metadata (RFC 8414): issuer, token endpoint, JWKS, grant type, client auth methods, scopes",
      responses: {
        "200": {
          description: "RFC 8414 §2 metadata",
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["issuer", "token_endpoint", "jwks_uri", "response_types_supported"],
                properties: Object.fromEntries(
                  [
                    ["issuer", "string"],
                    ["token_endpoint", "string"],
                    ["jwks_uri", "string"],
                    ["service_documentation", "string"],
                    ["scopes_supported", "array"],
                    ["response_types_supported", "array"],
                    ["grant_types_supported", "array"],
                    ["token_endpoint_auth_methods_supported", "array"],
                  ].map(([name, type]) => [name, type === "array" ? { type, items: { type: "string" } } : { type }]),
                ),
              },
            },
          },
        },
      },
    },
  },
  "/api/whoami": {
    get: {
      summary: "Who this token is, what it may do (its scopes and what they imply) and the storage mode in force",
      responses: { "200": { description: "OK", ...json("Whoami") }, ...errors(401) },
    },
  },
  "/api/admin/accounts": {
    get: { summary: "Service accounts (never a secret)", responses: { "200": { description: "OK", ...json("AccountList") }, ...errors(401, 403) } },
    post: {
      summary: "Create a service account; the answer holds its secret, shown once",
      requestBody: { required: true, ...json("AccountCreate") },
      responses: { "201": { description: "Created", ...json("AccountWithSecret") }, ...errors(400, 401, 403, 409) },
    },
  },
  "/api/admin/accounts/{clientId}": {
    parameters: [clientIdParam],
    get: { summary: "One service account", responses: { "200": { description: "OK", ...json("Account") }, ...errors(401, 403, 404) } },
  },
  "/api/admin/accounts/{clientId}/rotate": accountAction("Add a second secret (shown once); both work until retire", true),
  "/api/admin/accounts/{clientId}/retire": accountAction("Drop the older of two secrets"),
  "/api/admin/accounts/{clientId}/disable": accountAction("Refuse the account's token requests and, within 30 s, its live tokens"),
  "/api/admin/accounts/{clientId}/enable": accountAction("Allow the account again"),
  "/api/admin/mode": {
    get: {
      summary: "The storage mode in force and where it comes from",
      responses: { "200": { description: "OK", ...json("Mode") }, ...errors(401, 403) },
    },
    put: {
      summary: "Switch the storage mode at runtime (allowed in every mode); null goes back to STORAGE_MODE",
      requestBody: { required: true, ...json("ModeUpdate") },
      responses: { "200": { description: "OK", ...json("Mode") }, ...errors(400, 401, 403) },
    },
  },
};

type Operation = Record<string, unknown>;
const METHODS = ["get", "head", "put", "post", "patch", "delete"] as const;

/**
 * Writes each operation's scope into the document from the policy table
 * (`security` for tools, `x-scope` and `x-effect` for readers, `x-audit` for
 * the action name of an audited one), so the document cannot disagree with
 * what the guard enforces and the trail records.
 */
export function withPolicy<P extends Record<string, Record<string, unknown>>>(paths: P): P {
  for (const [docPath, item] of Object.entries(paths)) {
    const routePath = docPath.replace(/\{(\w+)\}/g, ":$1");
    for (const method of METHODS) {
      const operation = item[method] as Operation | undefined;
      if (!operation) continue;
      const row = ROUTE_POLICIES.find(([m, p]) => m === policyMethod(method.toUpperCase()) && p === routePath);
      if (!row) throw new Error(`OpenAPI documents ${method.toUpperCase()} ${docPath}, which has no row in the policy table`);
      const [, , scope, effect, , audit] = row;
      operation.security =
        scope === "public" ? [] : scope === "authenticated" ? [{ bearer: [] }, { oauth2: [] }] : [{ bearer: [scope] }, { oauth2: [scope] }];
      operation["x-scope"] = scope;
      operation["x-effect"] = effect;
      if (audit !== undefined) operation["x-audit"] = audit;
    }
  }
  return paths;
}
