/**
 * The reference check of a signed OTA manifest: what a device does with the
 * answer of GET /api/devices/:device/firmware before it downloads a byte, and
 * with the image after (README "Signed update manifests" has the same steps
 * in C with mbedTLS). Web APIs and jose only, so the Workers-pool tests and
 * node scripts both run it.
 *
 * Order matters: the signature is checked over the exact bytes received
 * before the payload is read at all, and the payload alone is acted on,
 * never the readable copy beside it in the answer.
 */
import { compactVerify, decodeProtectedHeader, importJWK, type JWK } from "jose";
import { compareSemver } from "../../src/firmware/semver";

export const MANIFEST_TYPE = "cas-edge-manifest+jws";

export interface Manifest {
  device: string;
  model: string;
  version: string;
  url: string;
  sha256: string;
  size: number;
  app_elf_sha256: string;
  security_version?: number;
  rollout_id: number | null;
  allow_downgrade: boolean;
  issued_at: number;
  expires_at: number;
}

/** What the device knows about itself; none of it comes from the server. */
export interface DeviceState {
  key: string;
  model: string;
  /** esp_app_desc_t.version of the running app. */
  runningVersion: string;
  /** The anti-rollback counter burnt in eFuse (esp_efuse_read_secure_version()); 0 when anti-rollback is off. */
  securityVersion: number;
}

export interface VerifyOptions {
  /** The public keys the device was built with: only these are trusted, never keys fetched from the server. */
  trusted: { keys: JWK[] };
  device: DeviceState;
  /** Epoch seconds, from the device's own clock (SNTP): a manifest can be replayed until it expires. */
  now: number;
  /** Seconds the device's clock may be behind the server's when checking issued_at. */
  clockSkew?: number;
}

export class ManifestRejected extends Error {
  constructor(readonly reason: string) {
    super(`manifest refused: ${reason}`);
    this.name = "ManifestRejected";
  }
}

const ALGS = ["ES256", "EdDSA"];

/** Checks a manifest JWS as a device must; returns the payload it may act on, or throws ManifestRejected. */
export async function verifyManifest(jws: string, options: VerifyOptions): Promise<Manifest> {
  const { device, now } = options;
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(jws);
  } catch {
    throw new ManifestRejected("not a compact JWS");
  }
  // The algorithm comes from the trusted key, not from the header: a header naming "none" or HS256 gets nowhere.
  const jwk = options.trusted.keys.find((k) => k.kid === header.kid);
  if (!jwk) throw new ManifestRejected(`signed with a key the device does not trust (kid ${JSON.stringify(header.kid)})`);
  const alg = jwk.alg ?? (jwk.kty === "OKP" ? "EdDSA" : "ES256");
  if (!ALGS.includes(alg) || header.alg !== alg) throw new ManifestRejected(`algorithm ${JSON.stringify(header.alg)} is not the key's ${alg}`);
  if (header.typ !== MANIFEST_TYPE) throw new ManifestRejected(`typ ${JSON.stringify(header.typ)} is not ${MANIFEST_TYPE}`);
  let payload: Uint8Array;
  try {
    ({ payload } = await compactVerify(jws, await importJWK(jwk, alg), { algorithms: [alg] }));
  } catch {
    throw new ManifestRejected("the signature does not verify");
  }
  const m = parse(payload);
  if (m.expires_at <= now) throw new ManifestRejected(`expired at ${m.expires_at} (now ${now})`);
  if (m.issued_at > now + (options.clockSkew ?? 300)) throw new ManifestRejected(`issued in the future (${m.issued_at}, now ${now})`);
  if (m.device !== device.key) throw new ManifestRejected(`made for device ${m.device}, not ${device.key}`);
  if (m.model !== device.model) throw new ManifestRejected(`for model ${m.model}, not ${device.model}`);
  if (m.version === device.runningVersion) throw new ManifestRejected(`version ${m.version} is already running`);
  // Anti-rollback is never bypassed: allow_downgrade lets an older *version* in, not an image the
  // bootloader would refuse to boot (CONFIG_BOOTLOADER_APP_ANTI_ROLLBACK compares secure_version with eFuse).
  if (m.security_version !== undefined && m.security_version < device.securityVersion) {
    throw new ManifestRejected(`security_version ${m.security_version} is below the device's ${device.securityVersion}`);
  }
  if (!m.allow_downgrade && (compareSemver(m.version, device.runningVersion) ?? 1) < 0) {
    throw new ManifestRejected(`version ${m.version} is older than the running ${device.runningVersion} and the manifest allows no downgrade`);
  }
  return m;
}

/** After the download, before the new partition is made bootable: the image is the one the manifest names. */
export async function checkImage(m: Manifest, image: Uint8Array): Promise<void> {
  if (image.length !== m.size) throw new ManifestRejected(`image is ${image.length} bytes, the manifest says ${m.size}`);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", image as Uint8Array<ArrayBuffer>));
  const hex = [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
  if (hex !== m.sha256) throw new ManifestRejected(`image hashes to ${hex}, the manifest says ${m.sha256}`);
}

function parse(bytes: Uint8Array): Manifest {
  let m: Record<string, unknown>;
  try {
    m = JSON.parse(new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes)) as Record<string, unknown>;
  } catch {
    throw new ManifestRejected("the payload is not JSON");
  }
  const str = (k: string) => typeof m[k] === "string";
  const int = (k: string) => Number.isSafeInteger(m[k]) && (m[k] as number) >= 0;
  const fields =
    str("device") &&
    str("model") &&
    str("version") &&
    str("url") &&
    /^[0-9a-f]{64}$/.test(String(m.sha256)) &&
    int("size") &&
    str("app_elf_sha256") &&
    (m.security_version === undefined || int("security_version")) &&
    (m.rollout_id === null || int("rollout_id")) &&
    typeof m.allow_downgrade === "boolean" &&
    int("issued_at") &&
    int("expires_at");
  if (!fields) throw new ManifestRejected("the payload lacks a field or has one of the wrong type");
  return m as unknown as Manifest;
}
