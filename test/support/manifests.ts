import { env } from "cloudflare:test";
import type { JWK } from "jose";
import type { DeviceState, Manifest } from "../../scripts/lib/verify-manifest";
import { ORIGIN } from "./blobs";
import { fetchWith } from "./worker";

/** The suite's update-manifest keys (vitest.config.ts): the configured signer, then the rotation and Ed25519 keys. */
export function updateKey(): JWK {
  return (JSON.parse(env.UPDATE_SIGNING_KEYS) as { keys: JWK[] }).keys[0]!;
}
export function otherUpdateKeys(): { next: JWK; ed25519: JWK } {
  const [next, ed25519] = JSON.parse((env as Env & { TEST_OTHER_UPDATE_KEYS: string }).TEST_OTHER_UPDATE_KEYS) as JWK[];
  return { next: next!, ed25519: ed25519! };
}
export const keySet = (...keys: JWK[]) => JSON.stringify({ keys });

export interface OtaAnswer extends Manifest {
  manifest: string;
}

/** An OTA check through the worker's entry, with some bindings swapped (update keys for rotation tests). */
export function checkIn(token: string, device: string, running: string, overrides: Partial<Env> = {}): Promise<Response> {
  const request = new Request(`${ORIGIN}/api/devices/${device}/firmware`, {
    headers: { Authorization: `Bearer ${token}`, "X-Firmware-Version": running },
  });
  return fetchWith(request, overrides);
}

export async function offered(token: string, device: string, running: string, overrides: Partial<Env> = {}): Promise<OtaAnswer> {
  const res = await checkIn(token, device, running, overrides);
  if (res.status !== 200) throw new Error(`OTA check: ${res.status} ${await res.text()}`);
  return (await res.json()) as OtaAnswer;
}

/** The public key set a device would be built with, as the server publishes it. */
export async function publishedKeys(overrides: Partial<Env> = {}): Promise<{ keys: JWK[] }> {
  const res = await fetchWith(new Request(`${ORIGIN}/.well-known/cas-edge-update-keys`), overrides);
  if (res.status !== 200) throw new Error(`update keys: ${res.status}`);
  return (await res.json()) as { keys: JWK[] };
}

export const deviceState = (key: string, model: string, runningVersion: string, securityVersion = 0): DeviceState => ({
  key,
  model,
  runningVersion,
  securityVersion,
});

const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");

/** A JWS with its payload replaced and the header and signature kept: what a tampering server or CDN could send. */
export function withPayload(jws: string, payload: unknown): string {
  const [header, , signature] = jws.split(".");
  return `${header}.${b64url(new TextEncoder().encode(JSON.stringify(payload)))}.${signature}`;
}

/** The payload of a compact JWS, decoded without checking anything. */
export function payloadOf(jws: string): Record<string, unknown> {
  const part = jws.split(".")[1]!.replaceAll("-", "+").replaceAll("_", "/");
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part), (c) => c.charCodeAt(0)))) as Record<string, unknown>;
}
