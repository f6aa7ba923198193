import { z } from "zod";
import { STORAGE_MODES } from "./mode";
import { SCOPES } from "./scopes";

export const accountCreate = z.object({
  name: z.string().trim().min(1).max(200),
  scopes: z.array(z.enum(SCOPES)).max(SCOPES.length).default([]),
  // Becomes the `sub` of the account's tokens: printable, no spaces.
  device_key: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,128}$/, "1 to 128 of A-Z a-z 0-9 _ . : -")
    .nullish(),
});

export const accountResponse = z.object({
  client_id: z.string(),
  name: z.string(),
  scopes: z.array(z.string()),
  device_key: z.string().nullable(),
  disabled: z.boolean(),
  created_at: z.string(),
  rotated_at: z.string().nullable(),
  last_used_at: z.string().nullable(),
  secrets: z.array(z.string()).describe("When each live secret was made, oldest first"),
});

export const accountWithSecret = accountResponse.extend({
  client_secret: z.string().describe("Shown once; only its hash is kept"),
});

export const modeUpdate = z.object({
  mode: z.enum(STORAGE_MODES).nullable().describe("null: back to the STORAGE_MODE var"),
});

export const modeResponse = z.object({
  mode: z.enum(STORAGE_MODES),
  source: z.enum(["runtime", "STORAGE_MODE"]),
  configured: z.enum(STORAGE_MODES).describe("The STORAGE_MODE var, used when no runtime switch is set"),
  cache_seconds: z.number().describe("How long other isolates may keep using the previous mode"),
});

export const whoamiResponse = z.object({
  sub: z.string().describe("static:<TOKEN_NAME>, a service account's client_id, or a device key"),
  client_id: z.string().nullable().describe("The service account behind a JWT; null for a static token"),
  device: z.string().nullable().describe("The device a device-bound account's tokens stand for"),
  scopes: z.array(z.string()).describe("The scopes the token carries"),
  granted: z.array(z.string()).describe("What the token may do: its scopes and what they imply (admin implies parts:* and cas:write)"),
  mode: modeResponse.pick({ mode: true, source: true }),
});

export const tokenResponse = z.object({
  access_token: z.string(),
  token_type: z.literal("Bearer"),
  expires_in: z.number().int(),
  scope: z.string(),
});
