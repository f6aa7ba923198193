import type { Context } from "hono";
import type { AppEnv } from "../env";
import { AppError } from "../errors";

/**
 * A device token acts for one device only: the account it was issued to is
 * bound to a device key, which the guard exposes as `principal.device`.
 * Any other device is simply not there for it (404, as for a key that does
 * not exist), checked before any lookup, so a token learns nothing about
 * other devices, not even whether they exist.
 */
export function requireOwnDevice(c: Context<AppEnv>, deviceKey: string): void {
  if (c.get("principal")?.device !== deviceKey) throw new AppError("not_found", `No device "${deviceKey}" for this token.`);
}
