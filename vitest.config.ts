import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { buildWeb } from "./scripts/build-web.ts";

export default defineConfig(async () => {
  // wrangler.toml's [assets] folder holds the page's built script; the worker tests load that config.
  await buildWeb();
  const migrations = await readD1Migrations(path.join(import.meta.dirname, "migrations"));
  // Image fixtures reach the Workers runtime (which has no file system) as base64 strings.
  const fixtureDir = path.join(import.meta.dirname, "test/fixtures");
  const fixtures = Object.fromEntries(readdirSync(fixtureDir).map((f) => [f, readFileSync(path.join(fixtureDir, f)).toString("base64")]));
  return {
    test: {
      projects: [
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: "./wrangler.toml" },
              miniflare: {
                // Test-only bindings: secrets the suite authenticates with, and the SQL to apply.
                bindings: {
                  CAS_WRITE_TOKEN: "test-cas-write-token",
                  API_TOKEN: "test-api-token",
                  ADMIN_TOKEN: "test-admin-token",
                  TEST_MIGRATIONS: migrations,
                  TEST_FIXTURES: fixtures,
                },
              },
            }),
          ],
          test: {
            name: "workers",
            setupFiles: ["./test/setup/apply-migrations.ts"],
            include: ["test/**/*.test.ts"],
            exclude: ["test/browser/**"],
          },
        },
        {
          // The page in Debian's Chromium against `npm start` on a free port (Node, not the Workers runtime).
          test: {
            name: "browser",
            include: ["test/browser/**/*.test.ts"],
            environment: "node",
            testTimeout: 30_000,
            hookTimeout: 120_000,
          },
        },
      ],
    },
  };
});
