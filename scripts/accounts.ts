/**
 * npm run accounts -- <command> [options]
 *
 * Manages the service accounts of a running cas-edge (the local one from
 * `npm start`, or a deployed one with --url) through its admin API, and
 * makes token signing keys (keygen), signed-link keys (link-keygen) and
 * OTA manifest keys (update-keygen).
 * Exit codes: 0 done, 1 the worker refused (4xx/5xx), 2 usage or connection error.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { exportJWK, generateKeyPair } from "jose";
import { apiClient, problemText, type Schemas } from "./lib/api-client.ts";
import { commandLine, usageError } from "./lib/cli.ts";
import { adminToken } from "./lib/local-token.ts";

const USAGE = `usage: npm run accounts -- <command> [options]

commands:
  create --name NAME --scopes a,b | --device KEY   new account; prints its client_id and secret (shown once);
                                                   a device's account (--device) holds scope device alone
  list                                             every account (never a secret)
  show CLIENT_ID                                   one account
  rotate CLIENT_ID                                 add a second secret (prints it); both work until retire
  retire CLIENT_ID                                 drop the older of two secrets
  disable CLIENT_ID | enable CLIENT_ID             refuse (or allow again) the account and its live tokens
  keygen [--kid ID]                                a new ES256 private JWK for JWT_PRIVATE_JWKS (offline)
  link-keygen [--kid ID] [CURRENT_SET]             a new signed-link key for LINK_SIGNING_KEYS (offline); prints
                                                   the key, then the set with it appended last (to CURRENT_SET,
                                                   given as the argument or on stdin, else a set of one)
  update-keygen [--kid ID] [--ed25519] [--sign] [CURRENT_SET]
                                                   a new OTA manifest key for UPDATE_SIGNING_KEYS (offline); prints
                                                   the private key, its public JWK (for the devices' firmware), then
                                                   the set with it staged first (published, not signing) or, with
                                                   --sign, appended last (signs now)
  mode [edit|rw|ro|default]                        show or switch the storage mode (default: back to STORAGE_MODE)

options:
  --url URL   the worker (default http://127.0.0.1:8787, the one \`npm start\` runs)
  --json      print the worker's JSON answer as is

scopes: cas:write parts:read parts:write parts:delete admin device coredumps:parse
The admin token is read from $ADMIN_TOKEN (a static admin token, or a JWT with scope admin), else from .dev.vars.
Exit codes: 0 done, 1 refused by the worker, 2 usage or connection error.`;

const { values, positionals } = commandLine(USAGE, {
  allowPositionals: true,
  options: {
    url: { type: "string", default: "http://127.0.0.1:8787" },
    name: { type: "string" },
    scopes: { type: "string" },
    device: { type: "string" },
    kid: { type: "string" },
    ed25519: { type: "boolean", default: false },
    sign: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    help: { type: "boolean", short: "h" },
  },
});
const [command = "", clientId] = positionals;

if (command === "keygen") {
  const { privateKey } = await generateKeyPair("ES256", { extractable: true });
  const kid = values.kid ?? `k-${new Date().toISOString().slice(0, 10)}-${Math.random().toString(36).slice(2, 6)}`;
  const jwk = { ...(await exportJWK(privateKey)), kid, alg: "ES256" };
  console.log(JSON.stringify({ keys: [jwk] }));
  console.error(`\nkid ${kid}. Production: wrangler secret put JWT_PRIVATE_JWKS (paste the line above).
To rotate, put {"keys":[<old key>,<new key>]}: the last one signs, both verify; drop the old one after 15 minutes.`);
  process.exit(0);
}

if (command === "link-keygen") {
  const current = clientId ?? (process.stdin.isTTY ? "" : readFileSync(0, "utf8")).trim();
  const keys = current ? currentLinkKeys(current) : [];
  // <yyyy-mm>-<random>: an operator sees at a glance which key is older.
  const kid = values.kid ?? `${new Date().toISOString().slice(0, 7)}-${randomBytes(4).toString("hex")}`;
  if (!/^[\w.-]{1,64}$/.test(kid)) usageError(USAGE, `--kid must be 1 to 64 letters, digits, ".", "-" or "_", not "${kid}"`);
  if (keys.some((key) => key.kid === kid)) usageError(USAGE, `the current set already holds a key "${kid}"`);
  // The worker accepts at most 8 keys (src/cas/signed-links.ts); rotation needs two.
  if (keys.length >= 8) usageError(USAGE, "the current set already holds 8 keys; remove the ones whose links have expired first");
  // 32 bytes, the HMAC-SHA256 output size (LINK_KEY_BYTES in src/cas/signed-links.ts).
  const key = { kty: "oct", kid, k: randomBytes(32).toString("base64url") };
  console.log(JSON.stringify(key));
  console.log(JSON.stringify({ keys: [...keys, key] }));
  console.error(`
kid ${kid}. The second line is the new LINK_SIGNING_KEYS: the last key signs, every key verifies.
Production: wrangler secret put LINK_SIGNING_KEYS (paste the second line), deploy, wait out the longest
link life (max(2 × LINK_WINDOW_SECONDS, OTA_LINK_SECONDS + LINK_WINDOW_SECONDS)), then remove the old key
(README "Public and private files").`);
  process.exit(0);
}

if (command === "update-keygen") {
  const current = clientId ?? (process.stdin.isTTY ? "" : readFileSync(0, "utf8")).trim();
  const keys = current ? currentUpdateKeys(current) : [];
  const kid = values.kid ?? `update-${new Date().toISOString().slice(0, 7)}-${randomBytes(4).toString("hex")}`;
  if (!/^[\w.-]{1,64}$/.test(kid)) usageError(USAGE, `--kid must be 1 to 64 letters, digits, ".", "-" or "_", not "${kid}"`);
  if (keys.some((key) => key.kid === kid)) usageError(USAGE, `the current set already holds a key "${kid}"`);
  // The worker accepts at most 8 keys (src/firmware/update-keys.ts).
  if (keys.length >= 8) usageError(USAGE, "the current set already holds 8 keys; retire the ones no device needs first");
  // ES256 by default: mbedTLS on ESP-IDF verifies P-256 natively; Ed25519 only for devices that bring their own verifier.
  const alg = values.ed25519 ? "Ed25519" : "ES256";
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const key = { ...(await exportJWK(privateKey)), kid };
  const pub = { ...(await exportJWK(publicKey)), kid, alg: values.ed25519 ? "EdDSA" : "ES256", use: "sig" };
  // Staged first, the current last key keeps signing: devices must trust the new key before it signs anything.
  const set = values.sign || keys.length === 0 ? [...keys, key] : [key, ...keys];
  console.log(JSON.stringify(key));
  console.log(JSON.stringify(pub));
  console.log(JSON.stringify({ keys: set }));
  console.error(`
kid ${kid}. Line 2 is the public key to build into the devices' firmware; line 3 is the new UPDATE_SIGNING_KEYS
(the last key signs, every key is published at /.well-known/cas-edge-update-keys).
${
  values.sign || keys.length === 0
    ? "The new key signs as soon as the set is deployed."
    : 'The new key is staged: published, not signing. Once every device runs firmware that trusts it, move it last and deploy;\nretire the old key once no device needs it (README "Signed update manifests").'
}
Production: wrangler secret put UPDATE_SIGNING_KEYS (paste line 3), deploy.`);
  process.exit(0);
}

/** The keys of an UPDATE_SIGNING_KEYS value, checked as far as the worker would refuse it. */
function currentUpdateKeys(text: string): Array<{ kty: string; kid: string; d: string }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    usageError(USAGE, 'the current set is not JSON; it is UPDATE_SIGNING_KEYS as stored: {"keys":[{"kty":"EC","crv":"P-256",…,"kid":…}]}');
  }
  const keys = (parsed as { keys?: unknown })?.keys;
  const valid = (key: unknown): key is { kty: string; kid: string; d: string } => {
    const { kty, kid, d } = (key ?? {}) as Record<string, unknown>;
    return (kty === "EC" || kty === "OKP") && typeof kid === "string" && typeof d === "string";
  };
  if (!Array.isArray(keys) || !keys.every(valid))
    usageError(USAGE, 'the current set must be {"keys":[<private EC P-256 or Ed25519 JWK with a kid>, …]}');
  return keys;
}

/** The keys of a LINK_SIGNING_KEYS value, checked as far as the worker would refuse it. */
function currentLinkKeys(text: string): Array<{ kty: string; kid: string; k: string }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    usageError(USAGE, 'the current set is not JSON; it is LINK_SIGNING_KEYS as stored: {"keys":[{"kty":"oct","kid":…,"k":…}]}');
  }
  const keys = (parsed as { keys?: unknown })?.keys;
  const valid = (key: unknown): key is { kty: string; kid: string; k: string } => {
    const { kty, kid, k } = (key ?? {}) as Record<string, unknown>;
    return kty === "oct" && typeof kid === "string" && typeof k === "string";
  };
  if (!Array.isArray(keys) || !keys.every(valid)) {
    usageError(USAGE, 'the current set must be {"keys":[{"kty":"oct","kid":…,"k":…}, …]}');
  }
  return keys;
}

const base = values.url!.replace(/\/$/, "");
const api = apiClient(base, adminToken());

type Account = Schemas["Account"] & { client_secret?: string };

/** The answer of a call that succeeded; otherwise the worker's detail on stderr and exit 1 (2 when it cannot be reached). */
async function must<T>(what: string, pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let answer: Awaited<typeof pending>;
  try {
    answer = await pending;
  } catch (err) {
    console.error(`cannot reach ${base}: ${(err as Error).message}`);
    process.exit(2);
  }
  if (!answer.response.ok) {
    console.error(`${what}: ${answer.response.status} ${problemText(answer.error)}`);
    process.exit(1);
  }
  return answer.data as T;
}

function describe(a: Account): string {
  const device = a.device_key ? `  device ${a.device_key}` : "";
  const state = a.disabled ? "DISABLED" : "active";
  return `${a.client_id}  ${state}  "${a.name}"  scopes ${a.scopes.join(",")}${device}  secrets ${a.secrets.length}  last used ${a.last_used_at ?? "never"}`;
}

function print(account: Account): void {
  if (values.json) {
    console.log(JSON.stringify(account, null, 2));
    return;
  }
  console.log(describe(account));
  if (account.client_secret) {
    console.log(`client_secret ${account.client_secret}\n(shown once: store it now; only its hash is kept)`);
  }
}

const needId = () => clientId ?? usageError(USAGE, `${command} needs a CLIENT_ID`);
switch (command) {
  case "create": {
    if (!values.name) usageError(USAGE, "create needs --name");
    // Checked by the worker, which names a scope it does not know (exit 1).
    const scopes = (values.scopes ?? "").split(",").filter((s) => s.length > 0) as NonNullable<Schemas["AccountCreate"]["scopes"]>;
    if (scopes.length === 0 && !values.device) usageError(USAGE, "create needs --scopes a,b (or --device KEY)");
    print(
      await must(
        "POST /api/admin/accounts",
        api.POST("/api/admin/accounts", { body: { name: values.name, scopes, device_key: values.device ?? null } }),
      ),
    );
    break;
  }
  case "list": {
    const { accounts } = await must("GET /api/admin/accounts", api.GET("/api/admin/accounts"));
    if (values.json) console.log(JSON.stringify(accounts, null, 2));
    else if (accounts.length === 0) console.log("no service accounts");
    else for (const a of accounts) console.log(describe(a));
    break;
  }
  case "show":
    print(await must(`GET /api/admin/accounts/${needId()}`, api.GET("/api/admin/accounts/{clientId}", { params: { path: { clientId: needId() } } })));
    break;
  case "rotate":
  case "retire":
  case "disable":
  case "enable":
    print(
      await must(
        `POST /api/admin/accounts/${needId()}/${command}`,
        api.POST(`/api/admin/accounts/{clientId}/${command}`, { params: { path: { clientId: needId() } } }),
      ),
    );
    break;
  case "mode": {
    const wanted = positionals[1];
    if (wanted !== undefined && !["edit", "rw", "ro", "default"].includes(wanted)) usageError(USAGE, `mode is edit, rw, ro or default`);
    const answer =
      wanted === undefined
        ? await must("GET /api/admin/mode", api.GET("/api/admin/mode"))
        : await must(
            "PUT /api/admin/mode",
            api.PUT("/api/admin/mode", { body: { mode: wanted === "default" ? null : (wanted as "edit" | "rw" | "ro") } }),
          );
    console.log(
      values.json
        ? JSON.stringify(answer, null, 2)
        : `storage mode ${answer.mode} (from ${answer.source}; other isolates follow within ${answer.cache_seconds} s)`,
    );
    break;
  }
  default:
    usageError(USAGE, `unknown command "${command}"`);
}
