import { asc, eq, sql } from "drizzle-orm";
import { database } from "../db/client";
import { type ServiceAccount, serviceAccountSecrets, serviceAccounts } from "../db/schema";
import type { Scope } from "../env";
import { AppError } from "../errors";
import { forgetAccountStatus } from "./account-status";
import { isScope, splitScopes } from "./scopes";
import { decoyHash, hashSecret, newSecret, randomToken, verifySecret } from "./secrets";

/** Live secrets per account: two let a client switch to a new secret before the old one is retired. */
export const MAX_SECRETS = 2;

const nowSql = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export interface AccountView {
  client_id: string;
  name: string;
  scopes: string[];
  device_key: string | null;
  disabled: boolean;
  created_at: string;
  rotated_at: string | null;
  last_used_at: string | null;
  /** When each live secret was made, oldest first (the secrets themselves are never kept). */
  secrets: string[];
}

function view(account: ServiceAccount, secrets: string[]): AccountView {
  return {
    client_id: account.clientId,
    name: account.name,
    scopes: splitScopes(account.scopes),
    device_key: account.deviceKey,
    disabled: account.disabled,
    created_at: account.createdAt,
    rotated_at: account.rotatedAt,
    last_used_at: account.lastUsedAt,
    secrets,
  };
}

/**
 * A device-bound account carries `device` and nothing else, and only such an
 * account may carry it: its tokens name the device as `sub`, and a device
 * that also held another scope would act beyond itself (with
 * `coredumps:parse`, claim every other device's dumps). A device that needs
 * more is two accounts.
 */
function accountScopes(scopes: readonly Scope[], deviceKey: string | null): Scope[] {
  const set = new Set<Scope>(scopes);
  if (deviceKey !== null) {
    const others = [...set].filter((s) => s !== "device");
    if (others.length > 0) {
      throw new AppError(
        "invalid_body",
        `scopes: a device-bound account (device_key) carries "device" alone; ${others.map((s) => `"${s}"`).join(", ")} need an account of their own.`,
      );
    }
    return ["device"];
  }
  if (set.has("device")) throw new AppError("invalid_body", `scopes: "device" needs a device_key.`);
  if (set.size === 0) throw new AppError("invalid_body", "scopes: at least one scope is needed.");
  return [...set];
}

export async function createAccount(
  env: Env,
  input: { name: string; scopes: readonly Scope[]; device_key?: string | null },
): Promise<{ account: AccountView; client_secret: string }> {
  const deviceKey = input.device_key ?? null;
  const scopes = accountScopes(input.scopes, deviceKey);
  const clientId = `sa_${randomToken(12)}`;
  const secret = newSecret();
  const hash = await hashSecret(secret);
  // One transaction whose account insert carries the device check itself: a check and a
  // separate insert let concurrent creations for one device all pass the check, and the
  // losers then hit device_key's UNIQUE constraint (a 500) instead of a 409.
  const [account] = await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO service_accounts (client_id, name, scopes, device_key)
       SELECT ?1, ?2, ?3, ?4 WHERE ?4 IS NULL OR NOT EXISTS (SELECT 1 FROM service_accounts WHERE device_key = ?4)`,
    ).bind(clientId, input.name, scopes.join(" "), deviceKey),
    env.DB.prepare(
      "INSERT INTO service_account_secrets (client_id, hash) SELECT ?1, ?2 WHERE EXISTS (SELECT 1 FROM service_accounts WHERE client_id = ?1)",
    ).bind(clientId, hash),
  ]);
  if (account!.meta.changes === 0) throw new AppError("conflict", `Device "${deviceKey}" already has an account.`);
  return { account: await getAccount(env, clientId), client_secret: secret };
}

export async function getAccount(env: Env, clientId: string): Promise<AccountView> {
  const db = database(env.DB);
  const account = await db.query.serviceAccounts.findFirst({ where: eq(serviceAccounts.clientId, clientId) });
  if (!account) throw new AppError("not_found", `No service account "${clientId}".`);
  const secrets = await db
    .select({ createdAt: serviceAccountSecrets.createdAt })
    .from(serviceAccountSecrets)
    .where(eq(serviceAccountSecrets.clientId, clientId))
    .orderBy(asc(serviceAccountSecrets.id));
  return view(
    account,
    secrets.map((s) => s.createdAt),
  );
}

export async function listAccounts(env: Env): Promise<AccountView[]> {
  const db = database(env.DB);
  const [accounts, secrets] = await Promise.all([
    db.select().from(serviceAccounts).orderBy(asc(serviceAccounts.createdAt), asc(serviceAccounts.clientId)),
    db.select().from(serviceAccountSecrets).orderBy(asc(serviceAccountSecrets.id)),
  ]);
  return accounts.map((a) =>
    view(
      a,
      secrets.filter((s) => s.clientId === a.clientId).map((s) => s.createdAt),
    ),
  );
}

/** Adds a second live secret; both work until `retireSecret` drops the older one. */
export async function rotateSecret(env: Env, clientId: string): Promise<{ account: AccountView; client_secret: string }> {
  await getAccount(env, clientId);
  const secret = newSecret();
  const hash = await hashSecret(secret);
  // One statement: two concurrent rotations cannot both slip under the limit.
  const inserted = await env.DB.prepare(
    `INSERT INTO service_account_secrets (client_id, hash)
     SELECT ?1, ?2 WHERE (SELECT COUNT(*) FROM service_account_secrets WHERE client_id = ?1) < ?3`,
  )
    .bind(clientId, hash, MAX_SECRETS)
    .run();
  if (inserted.meta.changes === 0) {
    throw new AppError("conflict", `Account "${clientId}" already has ${MAX_SECRETS} live secrets: retire the older one first.`);
  }
  await database(env.DB).update(serviceAccounts).set({ rotatedAt: nowSql }).where(eq(serviceAccounts.clientId, clientId));
  return { account: await getAccount(env, clientId), client_secret: secret };
}

/** Drops the older of two live secrets; an account's last secret is never dropped (disable the account instead). */
export async function retireSecret(env: Env, clientId: string): Promise<AccountView> {
  await getAccount(env, clientId);
  const deleted = await env.DB.prepare(
    `DELETE FROM service_account_secrets WHERE id = (SELECT MIN(id) FROM service_account_secrets WHERE client_id = ?1)
     AND (SELECT COUNT(*) FROM service_account_secrets WHERE client_id = ?1) > 1`,
  )
    .bind(clientId)
    .run();
  if (deleted.meta.changes === 0) throw new AppError("conflict", `Account "${clientId}" has only one secret; rotate first.`);
  return getAccount(env, clientId);
}

export async function setDisabled(env: Env, clientId: string, disabled: boolean): Promise<AccountView> {
  const db = database(env.DB);
  const updated = await db.update(serviceAccounts).set({ disabled }).where(eq(serviceAccounts.clientId, clientId)).returning();
  if (updated.length === 0) throw new AppError("not_found", `No service account "${clientId}".`);
  forgetAccountStatus(clientId);
  return getAccount(env, clientId);
}

/**
 * The account whose id and secret these are, or null. Every live secret is
 * checked (a rotation has two), and an unknown id is checked against a
 * decoy hash, so the answer takes as long either way.
 */
export async function authenticateClient(env: Env, clientId: string, secret: string): Promise<ServiceAccount | null> {
  const db = database(env.DB);
  const [account, secrets] = await Promise.all([
    db.query.serviceAccounts.findFirst({ where: eq(serviceAccounts.clientId, clientId) }),
    db.select({ hash: serviceAccountSecrets.hash }).from(serviceAccountSecrets).where(eq(serviceAccountSecrets.clientId, clientId)),
  ]);
  const hashes = account && secrets.length > 0 ? secrets.map((s) => s.hash) : [await decoyHash()];
  const results = await Promise.all(hashes.map((h) => verifySecret(secret, h)));
  return account && results.some(Boolean) ? account : null;
}

export async function touchLastUsed(env: Env, clientId: string): Promise<void> {
  await database(env.DB).update(serviceAccounts).set({ lastUsedAt: nowSql }).where(eq(serviceAccounts.clientId, clientId));
}

/**
 * The scopes the account's tokens may carry. `device` excludes every other
 * scope whatever the row says: a device-bound account created before that
 * rule still gets `device` alone.
 */
export function scopesOf(account: ServiceAccount): Scope[] {
  if (account.deviceKey !== null) return ["device"];
  return splitScopes(account.scopes).filter((s): s is Scope => isScope(s) && s !== "device");
}
