import { Hono } from "hono";
import { accountRoutes, modeRoutes } from "./access/admin-routes";
import { accessGuard } from "./access/guard";
import { oauthRoutes, wellKnownRoutes } from "./access/oauth-routes";
import { routeLookup } from "./access/route-lookup";
import { whoamiRoutes } from "./access/whoami-route";

import { attachmentListRoutes } from "./attachments/list-route";
import { variantUrlFor } from "./attachments/responses";
import { partRoutes } from "./attachments/routes";
import { auditRoutes } from "./audit/routes";
import { auditTrail } from "./audit/trail";
import { privateRoutes } from "./cas/private-routes";
import { casRoutes } from "./cas/routes";
import type { AppEnv } from "./env";
import { handleError } from "./errors";
import { coredumpRoutes } from "./firmware/coredump-routes";
import { deviceRoutes } from "./firmware/device-routes";
import { modelRoutes } from "./firmware/model-routes";
import { groupRoutes } from "./firmware/rollouts/group-routes";
import { rolloutRoutes } from "./firmware/rollouts/routes";
import { updateKeyRoutes } from "./firmware/update-key-routes";
import { housekeepingRoutes } from "./housekeeping/routes";
import { corsByRoute } from "./http/cors";
import { d1Session } from "./http/d1-session";
import { ownRequestBody } from "./http/request-body";
import { thumbnailRepresentation } from "./images/derived";
import { bodyCap, limitsDocument } from "./limits";
import { legacyRoutes } from "./migration/legacy-route";
import { pingMigrationLock } from "./migration/lock";
import { adminRoutes } from "./migration/routes";
import { openApiDocument } from "./openapi";
import { healthRoutes } from "./ops/health";
import { logError, requestLog } from "./ops/request-log";
import { searchRoutes } from "./search/routes";
import { uploadRoutes } from "./uploads/routes";
import { webRoutes } from "./web/routes";
import { staticOrNotFound } from "./web/static";

export function buildApp() {
  const app = new Hono<AppEnv>();
  // First, so every response (errors, refusals and preflights included) gets its id, log line and metrics point.
  app.use(requestLog);
  // The policy table is read once (routeLookup); CORS picks its regime from that row and answers
  // preflights; the body middleware refuses a body over the row's cap and reads whatever a handler
  // leaves unread (after CORS, so a browser can read its 413); the guard then refuses anything
  // without a row, or without the row's scope. The audit trail comes after the guard: it records
  // what was done by whoever the guard let in, and a refused request did nothing. The D1 session
  // (replica or primary, from the row's effect) is opened right after the lookup so that every
  // query below runs in it and every answer, refusals included, carries its bookmark.
  app.use(routeLookup);
  app.use(d1Session);
  app.use(corsByRoute);
  app.use(ownRequestBody((c) => bodyCap(c.env, c.var.route)));
  app.use(accessGuard);
  app.use(auditTrail);
  app.route("/health", healthRoutes(pingMigrationLock));
  app.route("/api/cas", casRoutes(thumbnailRepresentation));
  app.route("/api/private", privateRoutes(thumbnailRepresentation));
  app.route("/api/parts", partRoutes);
  app.route("/api/admin/accounts", accountRoutes);
  app.route("/api/admin/mode", modeRoutes);
  app.route("/api/admin/audit", auditRoutes);

  app.route("/api/attachments", attachmentListRoutes);
  app.route("/api/search", searchRoutes);

  app.route("/api/uploads", uploadRoutes);
  app.route("/api/admin", adminRoutes);
  app.route("/api/admin", housekeepingRoutes);
  app.route("/api/whoami", whoamiRoutes);
  app.route("/api/oauth", oauthRoutes);
  app.route("/.well-known", wellKnownRoutes);
  app.route("/.well-known/cas-edge-update-keys", updateKeyRoutes);
  app.route("/api/legacy", legacyRoutes(variantUrlFor));
  app.route("/api/device-models", modelRoutes);
  app.route("/api/device-models", groupRoutes);
  app.route("/api/rollouts", rolloutRoutes);
  app.route("/api/devices", deviceRoutes);
  app.route("/api/coredumps", coredumpRoutes);
  app.get("/api/openapi.json", (c) => c.json(openApiDocument()));
  app.get("/api/limits", (c) => c.json(limitsDocument(c.env), 200, { "Cache-Control": "no-cache" }));
  app.route("/", webRoutes);
  app.notFound(staticOrNotFound);
  app.onError((err, c) => handleError(err, c, (e) => logError(c, e)));
  return app;
}
