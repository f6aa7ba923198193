import { sql } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

// Mirrors migrations/*.sql, which wrangler applies; row types below come from here.
const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export const parts = sqliteTable("parts", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  key: text("key").notNull().unique(),
  name: text("name").notNull(),
  description: text("description"),
  coverAttachmentId: integer("cover_attachment_id"),
  createdAt: text("created_at").notNull().default(now),
  updatedAt: text("updated_at").notNull().default(now),
});

export const attachmentTypes = ["image", "pdf", "file", "url"] as const;
export type AttachmentType = (typeof attachmentTypes)[number];

export const partAttachments = sqliteTable("part_attachments", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  partKey: text("part_key")
    .notNull()
    .references(() => parts.key, { onDelete: "cascade" }),
  attachmentType: text("attachment_type", { enum: attachmentTypes }).notNull(),
  title: text("title").notNull(),
  filename: text("filename"),
  contentType: text("content_type"),
  size: integer("size"),
  sha256: text("sha256"),
  legacyKey: text("legacy_key"),
  url: text("url"),
  createdAt: text("created_at").notNull().default(now),
  attributes: text("attributes", { mode: "json" }).$type<Attributes>().notNull().default({}),
  attributesSchemaVersion: integer("attributes_schema_version").notNull().default(1),
});

/** Custom attributes of an attachment: a JSON object (rules in src/attachments/attributes.ts). */
export type Attributes = { [key: string]: JsonValue };
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type Part = typeof parts.$inferSelect;
export type Attachment = typeof partAttachments.$inferSelect;
export type NewAttachment = typeof partAttachments.$inferInsert;

export const migrationRuns = sqliteTable("migration_runs", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  startedAt: text("started_at").notNull(),
  finishedAt: text("finished_at").notNull(),
  fencingToken: integer("fencing_token").notNull(),
  migrated: integer("migrated").notNull(),
  failed: integer("failed").notNull(),
  stoppedBy: text("stopped_by").notNull(),
  error: text("error"),
});

export const migrationFailures = sqliteTable("migration_failures", {
  attachmentId: integer("attachment_id")
    .primaryKey()
    .references(() => partAttachments.id, { onDelete: "cascade" }),
  error: text("error").notNull(),
  retryable: integer("retryable", { mode: "boolean" }).notNull(),
  attempts: integer("attempts").notNull().default(1),
  lastAttemptAt: text("last_attempt_at").notNull().default(now),
});

export const migrationFence = sqliteTable("migration_fence", {
  id: integer("id").primaryKey(),
  token: integer("token").notNull(),
});

export const serviceAccounts = sqliteTable("service_accounts", {
  clientId: text("client_id").primaryKey(),
  name: text("name").notNull(),
  scopes: text("scopes").notNull(),
  deviceKey: text("device_key").unique(),
  disabled: integer("disabled", { mode: "boolean" }).notNull().default(false),
  createdAt: text("created_at").notNull().default(now),
  rotatedAt: text("rotated_at"),
  lastUsedAt: text("last_used_at"),
});

export const serviceAccountSecrets = sqliteTable("service_account_secrets", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  clientId: text("client_id")
    .notNull()
    .references(() => serviceAccounts.clientId, { onDelete: "cascade" }),
  hash: text("hash").notNull(),
  createdAt: text("created_at").notNull().default(now),
});

export type ServiceAccount = typeof serviceAccounts.$inferSelect;

export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: text("updated_at").notNull().default(now),
});
