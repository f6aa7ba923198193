import type { Context } from "hono";
import type { AppEnv } from "../env";
import { AppError } from "../errors";

/**
 * A device token acts for one device only: the account it was issued to is
 * bound to a device key, which the guard exposes as `principal.device`.
 * Checked before any lookup, so a token learns nothing about other devices.
 */
export function requireOwnDevice(c: Context<AppEnv>, deviceKey: string): void {
  const bound = c.get("principal")?.device;
  if (bound !== deviceKey) {
    throw new AppError("forbidden", `This token acts for ${bound ? `device "${bound}"` : "no device"}, not for "${deviceKey}".`);
  }
}
