import { existsSync, readFileSync } from "node:fs";

/** A setting of the local checkout's .dev.vars (NAME=value lines), if it has one. */
export function devVar(name: string): string | undefined {
  if (!existsSync(".dev.vars")) return undefined;
  return new RegExp(`^${name}=(.*)$`, "m").exec(readFileSync(".dev.vars", "utf8"))?.[1]?.trim() || undefined;
}

/** A token for operator scripts: $NAME, else NAME in the local .dev.vars; exits 2 when neither has it. */
export function localToken(name: "ADMIN_TOKEN" | "API_TOKEN", what: string): string {
  const token = process.env[name] || devVar(name);
  if (token) return token;
  console.error(`set ${name} (${what}), or run from a checkout with .dev.vars`);
  process.exit(2);
}

/** The admin token for operator scripts. */
export function adminToken(): string {
  return localToken("ADMIN_TOKEN", "a token with scope admin");
}
