import { hex } from "../blobs/bytes";

/**
 * Links for rows not migrated yet. Browsers load them without a token (as
 * <img src>), so each carries an HMAC of the attachment id: ids are
 * sequential, and an unsigned link would let anyone walk them. Built here,
 * with the CAS URLs (urls.ts), because two capabilities share them:
 * attachments/ hands them out and migration/ answers them.
 */
export type LegacyVariant = "download" | "view" | "thumbnail";

/** The secrets the signing key comes from. */
export type LegacyLinkSecrets = Pick<Env, "LEGACY_LINK_KEY" | "API_TOKEN">;

/**
 * The one place that picks the key: LEGACY_LINK_KEY, else API_TOKEN while it
 * is still set (the key links had before LEGACY_LINK_KEY existed). Retiring
 * API_TOKEN sets it empty; with neither there is no key (WebCrypto refuses an
 * empty HMAC key, and one would be no secret): no link is handed out and none
 * is valid, so listings show null and a link answers 404.
 */
export function legacyLinkKey(env: LegacyLinkSecrets): string | null {
  return env.LEGACY_LINK_KEY || env.API_TOKEN || null;
}

const encoder = new TextEncoder();

async function signature(key: string, id: number): Promise<string> {
  const hmac = await crypto.subtle.importKey("raw", encoder.encode(key), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return hex(await crypto.subtle.sign("HMAC", hmac, encoder.encode(`legacy-attachment:${id}`))).slice(0, 32);
}

/** The signed link, or null when no signing key is configured. */
export async function legacyLink(env: LegacyLinkSecrets, id: number, variant: LegacyVariant): Promise<string | null> {
  const key = legacyLinkKey(env);
  return key === null ? null : `/api/legacy/attachments/${id}/${variant}?sig=${await signature(key, id)}`;
}

export async function validLegacySignature(env: LegacyLinkSecrets, id: number, given: string): Promise<boolean> {
  const key = legacyLinkKey(env);
  if (key === null) return false;
  const expected = encoder.encode(await signature(key, id));
  const actual = encoder.encode(given);
  return expected.length === actual.length && crypto.subtle.timingSafeEqual(expected, actual);
}
