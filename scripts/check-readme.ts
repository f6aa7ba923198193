/**
 * Checks that the README's "## Configuration" table names every setting the
 * worker has, once, and nothing else: each [vars] entry and binding in
 * wrangler.toml (as wrangler reads it) and each secret in .dev.vars.example.
 * Run by `npm test`; exits 1 and lists the differences when they disagree.
 *
 *   npx tsx scripts/check-readme.ts
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { experimental_readRawConfig } from "wrangler";

const root = join(fileURLToPath(import.meta.url), "../..");

type Kind = "var" | "secret" | "binding";

/** Every name wrangler.toml gives the worker: [vars] keys, and each binding's name wherever it is declared. */
function wranglerSettings(): Map<string, Kind> {
  const { rawConfig } = experimental_readRawConfig({ config: join(root, "wrangler.toml") });
  const settings = new Map<string, Kind>(Object.keys(rawConfig.vars ?? {}).map((name) => [name, "var"]));
  // Bindings (arrays included) are objects with a `binding` key ([[r2_buckets]], [images], [assets], …), or a `name`
  // and `class_name` ([[durable_objects.bindings]]), at any depth of the config.
  const visit = (value: unknown): void => {
    if (typeof value !== "object" || value === null) return;
    const record = value as Record<string, unknown>;
    if (typeof record.binding === "string") settings.set(record.binding, "binding");
    if (typeof record.name === "string" && typeof record.class_name === "string") settings.set(record.name, "binding");
    for (const [key, child] of Object.entries(record)) if (key !== "vars") visit(child);
  };
  visit(rawConfig);
  return settings;
}

/** The secrets .dev.vars.example sets for local runs: NAME=value lines. */
function secrets(): string[] {
  const text = readFileSync(join(root, ".dev.vars.example"), "utf8");
  return [...text.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!);
}

/** The table's rows under "## Configuration": each name in the first cell (a row may name several) with its kind. */
function readmeRows(markdown: string): Array<{ name: string; kind: string }> {
  const section = /^## Configuration\n([\s\S]*?)(?=^## )/m.exec(markdown)?.[1];
  if (section === undefined) throw new Error('README.md has no "## Configuration" section');
  const rows: Array<{ name: string; kind: string }> = [];
  for (const line of section.split("\n")) {
    const cells = /^\|(.*)\|$/.exec(line.trim())?.[1]?.split("|");
    if (!cells || cells.length < 2 || /^\s*:?-+/.test(cells[0]!)) continue;
    const kind = cells[1]!.trim();
    for (const name of cells[0]!.matchAll(/`([A-Z][A-Z0-9_]*)`/g)) rows.push({ name: name[1]!, kind });
  }
  return rows;
}

/** What is wrong with the rows, given what the worker has; empty when they agree. */
function differences(rows: Array<{ name: string; kind: string }>, settings: Map<string, Kind>): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { name, kind } of rows) {
    const expected = settings.get(name);
    if (seen.has(name)) problems.push(`${name} is listed twice`);
    seen.add(name);
    if (expected === undefined) problems.push(`${name} is listed but is not in wrangler.toml or .dev.vars.example`);
    else if (expected === "binding" ? kind === "var" || kind === "secret" : kind !== expected)
      problems.push(`${name} is a ${expected} but its kind says "${kind}"`);
  }
  for (const [name, kind] of settings) if (!seen.has(name)) problems.push(`${name} (${kind}) is missing`);
  return problems;
}

const settings = wranglerSettings();
for (const name of secrets()) settings.set(name, "secret");
const problems = differences(readmeRows(readFileSync(join(root, "README.md"), "utf8")), settings);
if (problems.length > 0) {
  console.error('README.md "## Configuration" does not match wrangler.toml and .dev.vars.example:');
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
console.log(`README configuration table: ${settings.size} settings, each listed once.`);
