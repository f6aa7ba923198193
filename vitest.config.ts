import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig, type ViteUserConfig } from "vitest/config";
import { buildWeb } from "./scripts/build-web.ts";

// Generated with `npm run accounts -- keygen`; they sign nothing outside this suite.
const TEST_KEYS = [
  {
    kty: "EC",
    crv: "P-256",
    kid: "test-1",
    alg: "ES256",
    x: "LglsR86BJSYU3Y7H30J4famboFZ0A74XmMagFC2fao8",
    y: "cN2hSJds2e2RImEOJDUIHJ0ul4RiYIzfFVRMPapq9q4",
    d: "fgE4Klc59pqB-qRzi-gBaASb1UISa8qSTyKZFsbY10o",
  },
  {
    kty: "EC",
    crv: "P-256",
    kid: "test-2",
    alg: "ES256",
    x: "JSB40FXRrtQyjAs8m1mu8oM-RBDuvYtHKI-RzJGPvK0",
    y: "sz2ujhMAtq3pmHZulBHrtKZpyshucZUZH8l4MUTKiE8",
    d: "tj4G-ShnNCZe0A_PmOF648ZtdVnk4SzXyi9ZgWsa-Zs",
  },
];

const TEST_LINK_KEYS = [
  { kty: "oct", kid: "link-test-1", k: "yewAUN51iJI4h97t2Q-C8F0AIEyNYQfgdsiz3CIlArc" },
  { kty: "oct", kid: "link-test-2", k: "mpFcwvyhZHtlOdIC2Sim_b0SsTJ0GNUaK8OI7cmQADU" },
];

// Update-manifest keys (src/firmware/update-keys.ts): the first signs; the others are the rotation and Ed25519 cases.
const TEST_UPDATE_KEYS = [
  {
    kty: "EC",
    crv: "P-256",
    kid: "update-test-1",
    x: "MyFQug9Xw9P6O3L5IFJBnxKem55JiMv99Yp6tcbbIuk",
    y: "21Esmjwqf6HnYsYRRNTckGWhB0ijfhk1BQ76ClOVcxc",
    d: "LxZL4v-hNb6AD5S_eaV94NaV_haHaDQ3yhsWQ9H0ovQ",
  },
  {
    kty: "EC",
    crv: "P-256",
    kid: "update-test-2",
    x: "ICUKcKq2FbyLF7bmLEUHxKshfGr-jt_VmfbSMlvAtoA",
    y: "dcjC8_QJU_OrPwzxzqiTVmPnB98lvKH-Uls2VApMkt8",
    d: "vWUSeHPaVUu7qVkWTKoh1JCtU-adzOJPexhgmQDea6s",
  },
  {
    kty: "OKP",
    crv: "Ed25519",
    kid: "update-test-ed",
    x: "ucQt-gGr6XLg-ILgQ84iyMTwPeDYvtfKaLCTCOQ2DFY",
    d: "XCKJPqyDzu9GyNjTKNXGEYAFHANMNyRbzQNMHU6Tc5Q",
  },
];

// The worker's request log (src/ops/request-log.ts) logs every write and error, and the suite makes
// thousands: tests that read the lines capture them, and a green run prints none of them.
const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");
const isRequestLogLine = (log: string) => /^\{\s*event: 'request',/.test(log.replace(ANSI_COLOUR, ""));

// `npm run coverage`: the worker's code as the Workers-pool tests run it. Istanbul instruments the
// source as it is transformed; the v8 provider cannot read coverage out of workerd.
const coverage: NonNullable<ViteUserConfig["test"]>["coverage"] = {
  provider: "istanbul",
  include: ["src/**/*.ts"],
  // The page's code runs in the browser tests, not in the Workers pool.
  exclude: ["src/web/client/**", "src/**/*.d.ts"],
  reporter: ["text-summary", ["text", { skipFull: true }], "json-summary"],
  reportsDirectory: "coverage",
  reportOnFailure: true,
};

export default defineConfig(async () => {
  // wrangler.toml's [assets] folder holds the page's built script; the worker tests load that config.
  await buildWeb();
  const migrations = await readD1Migrations(path.join(import.meta.dirname, "migrations"));
  // Image fixtures reach the Workers runtime (which has no file system) as base64 strings.
  const fixtureDir = path.join(import.meta.dirname, "test/fixtures");
  const fixtures = Object.fromEntries(readdirSync(fixtureDir).map((f) => [f, readFileSync(path.join(fixtureDir, f)).toString("base64")]));
  return {
    test: {
      // Vitest's default on this 2-core machine is one file at a time; the Workers pool spends most of a
      // file's time loading modules into a fresh runtime, waiting on I/O, so three at once keep both cores busy.
      maxWorkers: 3,
      // Vitest reads this only at the root, never per project.
      onConsoleLog: (log: string) => !isRequestLogLine(log),
      coverage,
      projects: [
        {
          // Inside the Workers runtime, with real R2, D1, Durable Object and Cache bindings.
          plugins: [
            cloudflareTest({
              wrangler: { configPath: "./wrangler.toml" },
              miniflare: {
                // Test-only bindings: secrets the suite authenticates with, and the SQL to apply.
                bindings: {
                  CAS_WRITE_TOKEN: "test-cas-write-token",
                  API_TOKEN: "test-api-token",
                  ADMIN_TOKEN: "test-admin-token",
                  // Test-only signing keys: the first signs; the second is used by the key rotation tests.
                  JWT_PRIVATE_JWKS: JSON.stringify({ keys: [TEST_KEYS[0]] }),
                  TEST_SECOND_JWK: JSON.stringify(TEST_KEYS[1]),
                  // Test-only link keys: the first signs; the second is the one a rotation adds.
                  LINK_SIGNING_KEYS: JSON.stringify({ keys: [TEST_LINK_KEYS[0]] }),
                  TEST_SECOND_LINK_KEY: JSON.stringify(TEST_LINK_KEYS[1]),
                  // Test-only update-manifest keys: the first signs; the others are what rotation tests add.
                  UPDATE_SIGNING_KEYS: JSON.stringify({ keys: [TEST_UPDATE_KEYS[0]] }),
                  TEST_OTHER_UPDATE_KEYS: JSON.stringify(TEST_UPDATE_KEYS.slice(1)),
                  CORS_ORIGINS: "https://inventory.test, https://other.test/",
                  TEST_MIGRATIONS: migrations,
                  TEST_FIXTURES: fixtures,
                },
              },
            }),
          ],
          test: {
            name: "workers",
            // A hang guard, not a speed target: sweeps over every route take seconds on a busy 2-core machine.
            testTimeout: 20_000,
            setupFiles: ["./test/setup/apply-migrations.ts"],
            include: ["test/**/*.test.ts"],
            exclude: ["test/e2e/**", "test/browser/**", "test/scripts/**"],
          },
        },
        {
          // In Node, against the worker running under `wrangler dev`: what only a real HTTP connection shows.
          test: {
            name: "e2e",
            environment: "node",
            include: ["test/e2e/**/*.test.ts"],
            // One wrangler dev at a time: each picks free ports for itself and its workerd,
            // and two starting at once can be handed the same one.
            fileParallelism: false,
            testTimeout: 60_000,
            hookTimeout: 120_000,
          },
        },
        {
          // Every `npm run bench:*` in its --smoke mode, as a child process: a benchmark that no longer runs fails the suite.
          test: {
            name: "bench",
            environment: "node",
            include: ["test/scripts/**/*.test.ts"],
            // Two benchmarks at a time: each starts its wrangler dev on ports it picks itself.
            maxConcurrency: 2,
            // A hang guard above the test's own (it kills the benchmark's process group first).
            testTimeout: 180_000,
          },
        },
        {
          // The page in Debian's Chromium against `wrangler dev`, started the same way as for e2e.
          test: {
            name: "browser",
            environment: "node",
            include: ["test/browser/**/*.test.ts"],
            // One file at a time, as e2e: each starts its own wrangler dev and Chromium, and several at once beside
            // the Workers tests on a 2-core runner held page loads up past their limits.
            fileParallelism: false,
            // A hang guard, not a speed target: each step has its own (10 s); a test of several steps in a
            // fresh browser context on a loaded 2-core runner can pass 30 s in all.
            testTimeout: 60_000,
            hookTimeout: 120_000,
            // expect.poll's default gives up after 1 s: a page reload on a loaded 2-core CI runner can take longer.
            expect: { poll: { timeout: 10_000 } },
          },
        },
      ],
    },
  };
});
