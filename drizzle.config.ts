import { defineConfig } from "drizzle-kit";

// migrations/*.sql are written by hand and applied by wrangler (`wrangler d1 migrations apply`); the
// schema files here mirror them, and test/db/schema.test.ts fails until the two agree. drizzle-kit
// keeps no snapshot of those migrations (there is no migrations/meta), so `drizzle-kit generate`
// would write the whole schema again as a new first migration: do not run it. `npx drizzle-kit
// export` prints the SQL the schema describes, a starting point for the next hand-written file.
export default defineConfig({
  dialect: "sqlite",
  schema: "./src/db/*schema.ts",
  out: "./migrations",
});
