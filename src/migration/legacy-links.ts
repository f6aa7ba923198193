import { toHex } from "../cas/keys";

/**
 * Links for rows not migrated yet. Browsers load them without a token (as
 * <img src>), so each carries an HMAC of the attachment id under API_TOKEN:
 * ids are sequential, and an unsigned link would let anyone walk them.
 */
export type LegacyVariant = "download" | "view" | "thumbnail";

const encoder = new TextEncoder();

async function signature(secret: string, id: number): Promise<string> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return toHex(await crypto.subtle.sign("HMAC", key, encoder.encode(`legacy-attachment:${id}`))).slice(0, 32);
}

export async function legacyLink(secret: string, id: number, variant: LegacyVariant): Promise<string> {
  return `/api/legacy/attachments/${id}/${variant}?sig=${await signature(secret, id)}`;
}

export async function validLegacySignature(secret: string, id: number, given: string): Promise<boolean> {
  const expected = encoder.encode(await signature(secret, id));
  const actual = encoder.encode(given);
  return expected.length === actual.length && crypto.subtle.timingSafeEqual(expected, actual);
}
