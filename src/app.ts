import { Hono } from "hono";
import type { AppEnv } from "./env";
import { AppError, handleError } from "./errors";

export function buildApp() {
  const app = new Hono<AppEnv>();
  app.notFound(() => {
    throw new AppError("not_found", "No such route.");
  });
  app.onError(handleError);
  return app;
}
