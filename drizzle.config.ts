import { defineConfig } from "drizzle-kit";

// `npx drizzle-kit generate` writes new SQL into migrations/, which wrangler applies.
export default defineConfig({
  dialect: "sqlite",
  schema: "./src/db/schema.ts",
  out: "./migrations",
});
