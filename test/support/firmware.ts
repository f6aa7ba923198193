import { env, SELF } from "cloudflare:test";
import { contentHash, STAGING_PREFIX } from "../../src/blobs/keys";
import { verifySignedLink } from "../../src/cas/signed-links";
import { type BlobView, parseBlobView } from "../../src/cas/view";
import { api } from "./api";
import { ORIGIN } from "./blobs";
import { type Build, espBuild, sha256Hex, zip } from "./esp-build";
import { tokenWith } from "./tokens";

let nextKey = Math.floor(Math.random() * 1_000_000);
export const uniqueKey = (prefix: string) => `${prefix}-${nextKey++}`;

export async function createModel(key = uniqueKey("model")): Promise<string> {
  const res = await api("/device-models", { method: "POST", json: { key, name: `Model ${key}` } });
  if (res.status !== 201) throw new Error(`create model: ${res.status} ${await res.text()}`);
  return key;
}

export async function createDevice(model: string, key = uniqueKey("device")): Promise<string> {
  const res = await api(`/devices/${key}`, { method: "PUT", json: { model } });
  if (res.status !== 201) throw new Error(`create device: ${res.status} ${await res.text()}`);
  return key;
}

/** Posts a firmware ZIP as the raw body, with the Content-Length an in-process request lacks. */
export function uploadZip(model: string, zip: Uint8Array, headers: Record<string, string> = {}): Promise<Response> {
  return api(`/device-models/${model}/firmware`, {
    method: "POST",
    body: zip,
    headers: { "Content-Type": "application/zip", "Content-Length": String(zip.length), ...headers },
  });
}

export interface FirmwareJson {
  model: string;
  version: string;
  app_elf_sha256: string;
  idf_ver: string;
  project_name: string;
  downloads: number;
  pruned_versions?: string[];
  artifacts: Array<{ name: string; kind: string; sha256: string; size: number; download_url: string }>;
}

/** True when no trace of `files` is stored: no blob under any file's hash in either space, no staging object. */
export async function nothingStored(files: Record<string, Uint8Array>): Promise<boolean> {
  for (const bytes of Object.values(files)) {
    const hash = await sha256Hex(bytes);
    if ((await env.BUCKET.head(`cas/${hash}`)) || (await env.BUCKET.head(`private/cas/${hash}`))) return false;
  }
  return (await env.BUCKET.list({ prefix: STAGING_PREFIX })).objects.length === 0;
}

export async function firmwareCount(model: string): Promise<number> {
  const row = await env.DB.prepare("SELECT count(*) AS n FROM firmware_versions WHERE model_key = ?1").bind(model).first<{ n: number }>();
  return row!.n;
}

/** A device-bound service account's token, minted through the token endpoint. */
export async function deviceToken(device: string): Promise<string> {
  return (await tokenWith([], { device })).token;
}

/** A device (registered under `model`) and a token bound to it. */
export async function deviceWithToken(model: string): Promise<{ device: string; token: string }> {
  const device = await createDevice(model);
  return { device, token: await deviceToken(device) };
}

/** Calls an endpoint as the given bearer token. */
export function as(token: string, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("Authorization", `Bearer ${token}`);
  return SELF.fetch(`${ORIGIN}/api${path}`, { ...init, headers });
}

export function sendCoredump(token: string, device: string, dump: Uint8Array, headers: Record<string, string> = {}): Promise<Response> {
  return as(token, `/devices/${device}/coredumps`, { method: "POST", body: dump, headers: { "Content-Length": String(dump.length), ...headers } });
}

/** Uploads a fresh build of `version` and returns it. */
export async function publish(model: string, version: string, options: { secureVersion?: number } = {}): Promise<Build> {
  const build = await espBuild({ version, ...options });
  const res = await uploadZip(model, zip(build.files));
  if (res.status !== 201) throw new Error(`publish ${version}: ${res.status} ${await res.text()}`);
  return build;
}

export interface CoredumpJson {
  id: number;
  device: string;
  status: string;
  app_elf_sha256: string | null;
  elf_sha256_prefix: string | null;
  firmware_version: string | null;
  parse_result: string | null;
  download_url: string;
  sha256: string;
}

/** A private blob's bytes as R2 holds them at private/cas/<hash>, or null when absent. */
export async function privateBytes(hash: string): Promise<Uint8Array | null> {
  const object = await env.BUCKET.get(`private/cas/${hash}`);
  return object ? new Uint8Array(await object.arrayBuffer()) : null;
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

export interface SignedLink {
  /** Epoch seconds, as verifySignedLink returns it. */
  expires: number;
  /** The view the private route reads from the link's query. */
  view: BlobView;
}

/**
 * Reads a link an answer carried as the private route will: a path
 * /api/private/<hash>, its view parsed from the query, the signature checked
 * against both. Throws (link_invalid) when the link does not verify.
 */
export async function signedLink(link: string, hash: string): Promise<SignedLink> {
  if (!link.startsWith(`/api/private/${hash}`)) throw new Error(`not a private link to ${hash}: ${link}`);
  const url = new URL(link, ORIGIN);
  if (url.pathname !== `/api/private/${hash}`) throw new Error(`not a private link to ${hash}: ${link}`);
  const view = parseBlobView(url.searchParams);
  const expires = await verifySignedLink(env, contentHash.parse(hash), view, url.searchParams, nowSeconds());
  return { expires, view };
}
