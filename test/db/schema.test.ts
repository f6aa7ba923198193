import { env } from "cloudflare:test";
import { is, SQL } from "drizzle-orm";
import { getTableConfig, type SQLiteColumn, SQLiteSyncDialect, SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as clientSchema from "../../src/db/schema";

/**
 * migrations/*.sql are written by hand and build the database; src/db/*.ts
 * describe the same tables to drizzle, which types every row and query from
 * them. The two must agree: this reads the database the migrations built
 * (test/setup/apply-migrations.ts) and the drizzle tables, and compares
 * tables, columns (type, NOT NULL, default, enum CHECK), primary keys,
 * AUTOINCREMENT, UNIQUE constraints, indexes (columns, uniqueness, WHERE)
 * and foreign keys. Not compared: other CHECK constraints, WITHOUT ROWID
 * and views, which drizzle does not describe.
 */

declare global {
  interface ImportMeta {
    glob<T>(pattern: string, options: { eager: true }): Record<string, T>;
  }
}

// Every file in src/db, so a schema file the client's schema.ts forgets is still compared (and caught below).
const schemaFiles = import.meta.glob<Record<string, unknown>>("../../src/db/*.ts", { eager: true });
const drizzleTables = [...new Set(Object.values(schemaFiles).flatMap((exports) => Object.values(exports)))].filter((value) => is(value, SQLiteTable));

interface TableShape {
  columns: Record<string, { type: string; notNull: boolean; default: string | null; enum?: string[] }>;
  primaryKey: string[];
  autoIncrement: boolean;
  unique: string[];
  indexes: Record<string, { columns: string[]; unique: boolean; where: string | null }>;
  foreignKeys: string[];
}

const dialect = new SQLiteSyncDialect();
/** SQL text compared loosely: whitespace, identifier quotes and one pair of enclosing parentheses do not count. */
const normal = (text: string) =>
  text
    .replace(/\s+/g, " ")
    .replace(/["`]/g, "")
    .trim()
    .replace(/^\((.*)\)$/, "$1");
const foreignKey = (from: string[], table: string, to: string[], onUpdate: string, onDelete: string) =>
  `${from.join(",")} -> ${table}(${to.join(",")}) on update ${onUpdate.toLowerCase()} on delete ${onDelete.toLowerCase()}`;

function drizzleDefault(column: SQLiteColumn): string | null {
  // A $defaultFn is filled in by drizzle, not by the database.
  if (!column.hasDefault || column.default === undefined) return null;
  if (is(column.default, SQL)) return normal(dialect.sqlToQuery(column.default).sql);
  const value = column.mapToDriverValue(column.default);
  return typeof value === "string" ? `'${value.replaceAll("'", "''")}'` : String(value);
}

function drizzleShape(table: SQLiteTable): TableShape {
  const config = getTableConfig(table);
  const primary = config.columns.filter((c) => c.primary).map((c) => c.name);
  const shape: TableShape = {
    columns: {},
    primaryKey: primary.length > 0 ? primary : (config.primaryKeys[0]?.columns.map((c) => c.name) ?? []),
    autoIncrement: config.columns.some((c) => "autoIncrement" in c && c.autoIncrement === true),
    unique: [
      ...config.columns.filter((c) => c.isUnique).map((c) => c.name),
      ...config.uniqueConstraints.map((u) => u.columns.map((c) => c.name).join(",")),
    ].sort(),
    indexes: {},
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const ref = fk.reference();
        const to = getTableConfig(ref.foreignTable).name;
        return foreignKey(
          ref.columns.map((c) => c.name),
          to,
          ref.foreignColumns.map((c) => c.name),
          fk.onUpdate ?? "no action",
          fk.onDelete ?? "no action",
        );
      })
      .sort(),
  };
  for (const column of config.columns) {
    // SQLite lets a non-INTEGER PRIMARY KEY column hold NULL unless it also says NOT NULL, and
    // reports an INTEGER PRIMARY KEY (the rowid) as nullable; drizzle treats every key as NOT NULL.
    const isKey = shape.primaryKey.includes(column.name);
    shape.columns[column.name] = {
      type: column.getSQLType().toLowerCase(),
      notNull: isKey ? true : column.notNull,
      default: drizzleDefault(column),
      ...(column.enumValues ? { enum: [...column.enumValues] } : {}),
    };
  }
  for (const index of config.indexes) {
    shape.indexes[index.config.name] = {
      columns: index.config.columns.map((c) => ("name" in c ? c.name : normal(dialect.sqlToQuery(c as SQL).sql))),
      unique: index.config.unique,
      where: index.config.where ? normal(dialect.sqlToQuery(index.config.where).sql) : null,
    };
  }
  return shape;
}

/**
 * The indexed terms of a CREATE INDEX statement, split at their top-level commas: pragma_index_info
 * names a column but gives no text for an expression (migrations/0013 indexes a few).
 */
function indexedTerms(createIndex: string): string[] {
  const on = /\bON\s+\S+?\s*\(/i.exec(createIndex)!;
  const terms: string[] = [];
  let depth = 0;
  let quoted = false;
  let term = "";
  for (const ch of createIndex.slice(on.index + on[0].length)) {
    if (ch === "'") quoted = !quoted;
    if (!quoted && ch === "(") depth++;
    if (!quoted && ch === ")" && depth-- === 0) break;
    if (!quoted && ch === "," && depth === 0) {
      terms.push(term);
      term = "";
      continue;
    }
    term += ch;
  }
  return [...terms, term].map(normal);
}

async function rows<T>(query: string, ...params: unknown[]): Promise<T[]> {
  return (
    await env.DB.prepare(query)
      .bind(...params)
      .all<T>()
  ).results;
}

async function databaseShape(table: string, createSql: string): Promise<TableShape> {
  type Column = { name: string; type: string; notnull: number; dflt_value: string | null; pk: number };
  type Index = { name: string; unique: number; origin: string };
  type ForeignKey = { id: number; seq: number; table: string; from: string; to: string; on_update: string; on_delete: string };
  const columns = await rows<Column>("SELECT name, type, [notnull], dflt_value, pk FROM pragma_table_info(?) ORDER BY cid", table);
  const indexColumns = async (index: string, createIndex?: string) =>
    (await rows<{ name: string | null }>("SELECT name FROM pragma_index_info(?) ORDER BY seqno", index)).map(
      (c, i) => c.name ?? indexedTerms(createIndex!)[i]!,
    );
  const shape: TableShape = {
    columns: {},
    primaryKey: columns
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name),
    autoIncrement: /\bAUTOINCREMENT\b/i.test(createSql),
    unique: [],
    indexes: {},
    foreignKeys: [],
  };
  for (const column of columns) {
    const check = new RegExp(`CHECK\\s*\\(\\s*${column.name}\\s+IN\\s*\\(([^)]*)\\)\\s*\\)`, "i").exec(createSql);
    shape.columns[column.name] = {
      type: column.type.toLowerCase(),
      notNull: column.pk > 0 || column.notnull === 1,
      default: column.dflt_value === null ? null : normal(column.dflt_value),
      ...(check ? { enum: check[1]!.split(",").map((v) => v.trim().replace(/^'(.*)'$/, "$1")) } : {}),
    };
  }
  for (const index of await rows<Index>("SELECT name, [unique], origin FROM pragma_index_list(?)", table)) {
    if (index.origin === "pk") continue;
    if (index.origin === "u") {
      shape.unique.push((await indexColumns(index.name)).join(","));
      continue;
    }
    const [created] = await rows<{ sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", index.name);
    const where = /\bWHERE\b([\s\S]*)$/i.exec(created!.sql);
    shape.indexes[index.name] = {
      columns: await indexColumns(index.name, created!.sql),
      unique: index.unique === 1,
      where: where ? normal(where[1]!) : null,
    };
  }
  shape.unique.sort();
  const fks = await rows<ForeignKey>("SELECT * FROM pragma_foreign_key_list(?) ORDER BY id, seq", table);
  for (const id of new Set(fks.map((fk) => fk.id))) {
    const parts = fks.filter((fk) => fk.id === id);
    shape.foreignKeys.push(
      foreignKey(
        parts.map((fk) => fk.from),
        parts[0]!.table,
        parts.map((fk) => fk.to),
        parts[0]!.on_update,
        parts[0]!.on_delete,
      ),
    );
  }
  shape.foreignKeys.sort();
  return shape;
}

describe("the drizzle schema and the migrated database", () => {
  it("have the same tables, columns, keys and indexes", async () => {
    // d1_migrations, sqlite_sequence and _cf_* belong to D1 and SQLite, not to the schema; FTS5 indexes
    // (virtual tables and the shadow tables FTS5 keeps their data in) are queried with SQL, not drizzle.
    const all = await rows<{ name: string; sql: string }>(
      "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\' AND name <> 'd1_migrations'",
    );
    const virtual = all.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
    const shadow = (name: string) => virtual.some((v) => ["data", "idx", "content", "docsize", "config"].some((s) => name === `${v}_${s}`));
    const tables = all.filter((t) => !virtual.includes(t.name) && !shadow(t.name));
    const fromDatabase = Object.fromEntries(await Promise.all(tables.map(async (t) => [t.name, await databaseShape(t.name, t.sql)] as const)));
    const fromDrizzle = Object.fromEntries(drizzleTables.map((t) => [getTableConfig(t).name, drizzleShape(t)]));
    expect(Object.keys(fromDrizzle).sort()).toEqual(Object.keys(fromDatabase).sort());
    for (const name of Object.keys(fromDatabase)) expect.soft(fromDrizzle[name], name).toEqual(fromDatabase[name]);
  });

  it("are all known to the client's schema (src/db/schema.ts)", () => {
    const known = new Set<unknown>(Object.values(clientSchema));
    expect(drizzleTables.filter((t) => !known.has(t)).map((t) => getTableConfig(t).name)).toEqual([]);
  });
});
