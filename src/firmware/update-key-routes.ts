import { Hono } from "hono";
import type { AppEnv } from "../env";
import { updateKeys } from "./update-keys";

// Short caching: after a key is added to the set, provisioning tools and build pipelines see it within minutes.
const PUBLIC_FOR_5_MINUTES = { "Cache-Control": "public, max-age=300" };

/**
 * GET /.well-known/cas-edge-update-keys: the public keys OTA manifests are
 * signed with, every key of UPDATE_SIGNING_KEYS (so both during a rotation).
 * Not jwks.json: that set verifies access tokens, and a verifier of one must
 * never accept a key of the other. Devices do not fetch this to decide whom to
 * trust (the server is what they must not trust); it is where the firmware
 * build and provisioning read the keys a device carries.
 */
export const updateKeyRoutes = new Hono<AppEnv>().get("/", async (c) => {
  const keys = updateKeys(c.env);
  return c.json(keys ? (await keys).jwks : { keys: [] }, 200, PUBLIC_FOR_5_MINUTES);
});
