import { Hono } from "hono";
import { accountRoutes, modeRoutes } from "./access/admin-routes";
import { accessGuard } from "./access/guard";
import { jwksRoutes, oauthRoutes } from "./access/oauth-routes";
import { corsByRoute } from "./http/cors";
import { drainUnreadBody } from "./http/drain";
import { partRoutes } from "./attachments/routes";
import { casRoutes } from "./cas/routes";
import type { AppEnv } from "./env";
import { handleError } from "./errors";
import { legacyRoutes } from "./migration/legacy-route";
import { adminRoutes } from "./migration/routes";
import { openApiDocument } from "./openapi";
import { webRoutes } from "./web/routes";
import { staticOrNotFound } from "./web/static";

export function buildApp() {
  const app = new Hono<AppEnv>();
  app.use(drainUnreadBody);
  app.use(corsByRoute);
  app.use(accessGuard);
  app.route("/api/cas", casRoutes);
  app.route("/api/parts", partRoutes);
  app.route("/api/admin/accounts", accountRoutes);
  app.route("/api/admin/mode", modeRoutes);
  app.route("/api/admin", adminRoutes);
  app.route("/api/oauth", oauthRoutes);
  app.route("/.well-known", jwksRoutes);
  app.route("/api/legacy", legacyRoutes);
  app.get("/api/openapi.json", (c) => c.json(openApiDocument()));
  app.route("/", webRoutes);
  app.notFound(staticOrNotFound);
  app.onError(handleError);
  return app;
}
