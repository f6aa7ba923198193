import { env } from "cloudflare:test";
import { expect } from "vitest";
import { verifySignedLink } from "../../src/cas/signed-links";
import type { BlobView } from "../../src/cas/view";
import { api } from "./api";

/** LINK_WINDOW_SECONDS in wrangler.toml: links expire on a multiple of it, at least one window ahead. */
export const LINK_WINDOW = 6 * 3600;

export async function createPrivatePart(name = "Secret prototype"): Promise<{ key: string; private: boolean }> {
  const res = await api("/parts", { method: "POST", json: { name, private: true } });
  if (res.status !== 201) throw new Error(`create part: ${res.status} ${await res.text()}`);
  return res.json();
}

/** The copy of a blob R2 holds in each space: [public, private], as byte counts (null: absent). */
export async function copies(hash: string): Promise<[number | null, number | null]> {
  const [pub, priv] = await Promise.all([env.BUCKET.head(`cas/${hash}`), env.BUCKET.head(`private/cas/${hash}`)]);
  return [pub?.size ?? null, priv?.size ?? null];
}

/** The blob_visibility column of an attachment row. */
export async function rowVisibility(id: number): Promise<string | null> {
  return (
    (await env.DB.prepare("SELECT blob_visibility FROM part_attachments WHERE id = ?1").bind(id).first<{ blob_visibility: string }>())
      ?.blob_visibility ?? null
  );
}

/** A view's query string as the public URL spells it, written out here rather than taken from src/cas/urls. */
function viewQuery(view: BlobView): string {
  const query = new URLSearchParams();
  if (view.contentType !== undefined) query.set("content_type", view.contentType);
  if (view.disposition !== undefined) query.set("disposition", view.disposition);
  if (view.filename !== undefined) query.set("filename", view.filename);
  if (view.thumbnail !== undefined) query.set("thumbnail", String(view.thumbnail));
  return query.toString();
}

/**
 * Asserts that `link` is a signed link to `hash` with exactly `view`'s
 * parameters (those the public URL would carry, in its order), that the
 * server's own check accepts it, and that it expires on a window boundary at
 * least one window and at most two ahead. Returns its expiry.
 */
export async function expectSignedLink(link: string | null | undefined, hash: string, view: BlobView): Promise<number> {
  expect(link).toBeTypeOf("string");
  const url = new URL(link!, "https://cas.test");
  expect(url.pathname).toBe(`/api/private/${hash}`);
  const params = new URLSearchParams(url.search);
  const signature = ["exp", "kid", "sig"].map((name) => params.get(name));
  for (const name of ["exp", "kid", "sig"]) params.delete(name);
  expect(params.toString()).toBe(viewQuery(view));
  expect(signature.every((value) => value !== null)).toBe(true);
  const now = Math.floor(Date.now() / 1000);
  const exp = await verifySignedLink(env, hash as Parameters<typeof verifySignedLink>[1], view, url.searchParams, now);
  expect(exp % LINK_WINDOW).toBe(0);
  expect(exp).toBeGreaterThanOrEqual(now + LINK_WINDOW);
  expect(exp).toBeLessThanOrEqual(now + 2 * LINK_WINDOW + 60);
  return exp;
}

/** The views an image attachment's four URLs carry (download, view, 1x and 2x thumbnails). */
export function imageViews(contentType: string, filename: string) {
  return {
    download: { contentType, disposition: "attachment", filename } satisfies BlobView,
    view: { contentType, disposition: "inline", filename } satisfies BlobView,
    thumbnail: { thumbnail: 150 } satisfies BlobView,
    hidpi: { thumbnail: 512 } satisfies BlobView,
  };
}
