import { Hono } from "hono";
import { casRoutes } from "./cas/routes";
import type { AppEnv } from "./env";
import { AppError, handleError } from "./errors";

export function buildApp() {
  const app = new Hono<AppEnv>();
  app.route("/api/cas", casRoutes);
  app.notFound(() => {
    throw new AppError("not_found", "No such route.");
  });
  app.onError(handleError);
  return app;
}
