/**
 * `npm start`: the worker on http://localhost:8787 with persistent local
 * R2, D1 and Durable Object state in .wrangler/state. Creates .dev.vars
 * from .dev.vars.example when missing and applies D1 migrations first.
 *
 *   npm start [-- --port 8787]
 */
import { copyFileSync, existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { run, start } from "./lib/process.ts";

const { values } = parseArgs({
  options: { port: { type: "string", default: "8787" }, help: { type: "boolean", short: "h" } },
});
if (values.help) {
  console.log("usage: npm start [-- --port N]\nRuns the worker locally with persistent state in .wrangler/state.");
  process.exit(0);
}

const STATE = ".wrangler/state";
if (!existsSync(".dev.vars")) {
  copyFileSync(".dev.vars.example", ".dev.vars");
  console.log("created .dev.vars from .dev.vars.example");
}
// CI=true keeps wrangler from asking for confirmation before applying migrations.
await run("wrangler", ["d1", "migrations", "apply", "DB", "--local", "--persist-to", STATE], {
  env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" },
});
const dev = start("wrangler", ["dev", "--port", values.port!, "--ip", "127.0.0.1", "--persist-to", STATE]);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => dev.kill(signal));
dev.on("exit", (code) => process.exit(code ?? 0));
