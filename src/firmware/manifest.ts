import { CompactSign } from "jose";
import type { Offer } from "./ota";
import { requireUpdateKeys } from "./update-keys";

/**
 * A signed OTA manifest: what a device may install, signed with the last key
 * of UPDATE_SIGNING_KEYS as a compact JWS (RFC 7515 §7.1). The device holds
 * the public keys (README "Signed update manifests"), so neither this server
 * nor a CDN in front of it can make it install anything the key did not sign:
 * the URL only says where the bytes are, the signed `sha256` and `size` say
 * what they must be.
 *
 * The payload is plain JSON with integer times (epoch seconds), so a C
 * device parses it with cJSON and compares numbers; `typ` keeps a manifest
 * from ever being mistaken for an access token (and the keys differ).
 */
export const MANIFEST_TYPE = "cas-edge-manifest+jws";

/** What the device is offered (ota.ts), for one device and for a while. */
export type ManifestPayload = Omit<Offer, "security_version"> & {
  /** The device this manifest was made for: another device refuses it (no replay across a fleet). */
  device: string;
  /** esp_app_desc_t.secure_version of the offered image; absent for builds stored before it was recorded. */
  security_version?: number;
  issued_at: number;
  /** When the manifest stops being valid: the link's expiry, never later. */
  expires_at: number;
};

export interface SignedManifest {
  /** The compact JWS; a device acts on its verified payload alone. */
  manifest: string;
  payload: ManifestPayload;
}

/** An OTA offer (ota.ts) and what the manifest adds to it; rollout fields default to "no rollout". */
export type ManifestInput = Pick<Offer, "version" | "url" | "sha256" | "size" | "app_elf_sha256"> & {
  model: string;
  device: string;
  security_version?: number | null;
  rollout_id?: number | null;
  allow_downgrade?: boolean;
};

/** The `exp` of a signed link (src/cas/signed-links.ts): a manifest never outlives the link it carries. */
function linkExpiry(url: string): number {
  const exp = Number(new URL(url, "https://manifest.invalid").searchParams.get("exp"));
  if (!Number.isSafeInteger(exp) || exp <= 0) throw new Error(`the offer's url carries no exp: ${url}`);
  return exp;
}

export async function signManifest(env: Pick<Env, "UPDATE_SIGNING_KEYS" | "JWT_PRIVATE_JWKS">, offer: ManifestInput): Promise<SignedManifest> {
  const keys = await requireUpdateKeys(env);
  const now = Math.floor(Date.now() / 1000);
  // Field order is fixed here, but a device checks the signature over the bytes sent, never a re-serialisation.
  const payload: ManifestPayload = {
    device: offer.device,
    model: offer.model,
    version: offer.version,
    url: offer.url,
    sha256: offer.sha256,
    size: offer.size,
    app_elf_sha256: offer.app_elf_sha256,
    ...(offer.security_version == null ? {} : { security_version: offer.security_version }),
    rollout_id: offer.rollout_id ?? null,
    allow_downgrade: offer.allow_downgrade ?? false,
    issued_at: now,
    expires_at: linkExpiry(offer.url),
  };
  const { kid, alg, key } = keys.signing;
  const manifest = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg, kid, typ: MANIFEST_TYPE })
    .sign(key);
  return { manifest, payload };
}
