import { existsSync, readFileSync } from "node:fs";

/** The admin token for operator scripts: $ADMIN_TOKEN, else the local .dev.vars; exits 2 when neither has it. */
export function adminToken(): string {
  if (process.env.ADMIN_TOKEN) return process.env.ADMIN_TOKEN;
  if (existsSync(".dev.vars")) {
    const match = /^ADMIN_TOKEN=(.*)$/m.exec(readFileSync(".dev.vars", "utf8"));
    if (match?.[1]) return match[1].trim();
  }
  console.error("set ADMIN_TOKEN (or run from a checkout with .dev.vars)");
  process.exit(2);
}
