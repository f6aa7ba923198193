/**
 * `npm start`: the worker on http://127.0.0.1:8787 with persistent local
 * R2, D1 and Durable Object state in .wrangler/state. Creates .dev.vars
 * from .dev.vars.example when missing and applies D1 migrations first.
 *
 *   npm start [-- --port 8787] [--state DIR] [--env-file FILE] [--var NAME:VALUE ...]
 */
import { copyFileSync, existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { run, start } from "./lib/process.ts";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "8787" },
    state: { type: "string", default: ".wrangler/state" },
    "env-file": { type: "string" },
    var: { type: "string", multiple: true, default: [] },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log(`usage: npm start [-- --port N] [--state DIR] [--env-file FILE] [--var NAME:VALUE ...]
Runs the worker locally with persistent state in DIR (default .wrangler/state).
Secrets come from .dev.vars (created from .dev.vars.example), or from FILE instead.`);
  process.exit(0);
}
if (!/^\d{1,5}$/.test(values.port!) || Number(values.port) > 65535) {
  console.error(`--port must be a TCP port number, not "${values.port}"`);
  process.exit(2);
}

const STATE = values.state!;
if (!values["env-file"] && !existsSync(".dev.vars")) {
  copyFileSync(".dev.vars.example", ".dev.vars");
  console.log("created .dev.vars from .dev.vars.example");
}
// CI=true keeps wrangler from asking for confirmation before applying migrations.
await run("wrangler", ["d1", "migrations", "apply", "DB", "--local", "--persist-to", STATE], {
  env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" },
});
const devArgs = ["dev", "--port", values.port!, "--ip", "127.0.0.1", "--persist-to", STATE];
if (values["env-file"]) devArgs.push("--env-file", values["env-file"]);
for (const pair of values.var!) devArgs.push("--var", pair);
const dev = start("wrangler", devArgs);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => dev.kill(signal));
dev.on("exit", (code) => process.exit(code ?? 0));
