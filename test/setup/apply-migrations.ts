import { applyD1Migrations, env } from "cloudflare:test";

// TEST_MIGRATIONS is a test-only binding set in vitest.config.ts from the migrations/ folder.
type Migrations = Parameters<typeof applyD1Migrations>[1];
const { DB, TEST_MIGRATIONS } = env as Env & { TEST_MIGRATIONS: Migrations };
await applyD1Migrations(DB, TEST_MIGRATIONS);
