import { type SQL, sql } from "drizzle-orm";
import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { blobVisibilities } from "./visibility";

// Mirrors migrations/*.sql, which build the database (test/db/schema.test.ts checks that the two agree);
// row types and queries are typed from here.
const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export const parts = sqliteTable("parts", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  key: text("key").notNull().unique(),
  name: text("name").notNull(),
  description: text("description"),
  coverAttachmentId: integer("cover_attachment_id"),
  createdAt: text("created_at").notNull().default(now),
  updatedAt: text("updated_at").notNull().default(now),
  /** A private part's attachments are private blobs, read with signed links (migrations/0011). */
  private: integer("private", { mode: "boolean" }).notNull().default(false),
});

/*
 * Expressions the listings filter on and migrations/0013 indexes. SQLite uses an expression
 * index only for the very same expression, so the queries (src/attachments/search.ts) and
 * the indexes are built from these, with no bound parameter inside.
 */
/** The top-level type of content_type with its slash, "image/" (null for a URL attachment). */
export const mediaTypeOf = sql`substr(content_type, 1, instr(content_type, '/'))`;
/** content_type without the "; charset=…" it may carry: "text/plain". */
export const essenceOf = sql`substr(content_type, 1, instr(content_type || ';', ';') - 1)`;

/**
 * Attribute keys whose values are indexed (migrations/0013 and any later migration that adds
 * one): attr.<key>=<value> on them is an index search; on any other key, a walk in id order.
 */
export const indexedAttributeKeys = ["batch"] as const;

/** Top-level attribute keys (src/attachments/attributes.ts): safe in a query parameter name and a JSON path. */
export const ATTRIBUTE_KEY = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * The JSON text of a top-level attribute. The path is written into the SQL, not bound, so
 * that an index on the key matches; the key's alphabet (src/attachments/attributes.ts) has
 * no quote, and anything else is refused here too.
 */
export function attributeValueOf(key: string): SQL {
  if (!ATTRIBUTE_KEY.test(key)) throw new Error(`not an attribute key: ${JSON.stringify(key)}`);
  return sql.raw(`(attributes -> '$."${key}"')`);
}

export const attachmentTypes = ["image", "pdf", "file", "url"] as const;
export type AttachmentType = (typeof attachmentTypes)[number];

export const partAttachments = sqliteTable(
  "part_attachments",
  {
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
    casSize: integer("cas_size"),
    createdAt: text("created_at").notNull().default(now),
    attributes: text("attributes", { mode: "json" }).$type<Attributes>().notNull().default({}),
    attributesSchemaVersion: integer("attributes_schema_version").notNull().default(1),
    blobVisibility: text("blob_visibility", { enum: blobVisibilities }).notNull().default("public"),
  },
  (t) => [
    index("part_attachments_by_part").on(t.partKey, t.id),
    index("part_attachments_by_sha256").on(t.sha256).where(sql`sha256 IS NOT NULL`),
    index("part_attachments_pending").on(t.id).where(sql`sha256 IS NULL AND legacy_key IS NOT NULL`),
    index("part_attachments_by_legacy_key").on(t.legacyKey).where(sql`legacy_key IS NOT NULL`),
    index("part_attachments_by_media_type").on(mediaTypeOf),
    index("part_attachments_by_essence").on(essenceOf),
    ...indexedAttributeKeys.map((key) => index(`part_attachments_by_attr_${key}`).on(attributeValueOf(key))),
  ],
);

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

export const housekeepingPasses = sqliteTable("housekeeping_passes", {
  task: text("task", { enum: ["cleanup", "gc", "staging", "visibility"] }).primaryKey(),
  cursor: text("cursor"),
  markAt: integer("mark_at").notNull(),
  cutoffAt: integer("cutoff_at").notNull(),
  graceHours: real("grace_hours").notNull().default(0),
  scanned: integer("scanned").notNull().default(0),
  deleted: integer("deleted").notNull().default(0),
  kept: integer("kept").notNull().default(0),
  finishedAt: integer("finished_at"),
  heldBy: text("held_by"),
  heldUntil: integer("held_until"),
});

export const blobClaims = sqliteTable("blob_claims", {
  hash: text("hash").primaryKey(),
  claimedAt: integer("claimed_at").notNull(),
  condemnedAt: integer("condemned_at"),
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

export const serviceAccountSecrets = sqliteTable(
  "service_account_secrets",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    clientId: text("client_id")
      .notNull()
      .references(() => serviceAccounts.clientId, { onDelete: "cascade" }),
    hash: text("hash").notNull(),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [index("service_account_secrets_client").on(t.clientId, t.id)],
);

export type ServiceAccount = typeof serviceAccounts.$inferSelect;

export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: text("updated_at").notNull().default(now),
});

export const uploadStatuses = ["open", "completed", "failed"] as const;
export type UploadStatus = (typeof uploadStatuses)[number];

export const uploadSessions = sqliteTable(
  "upload_sessions",
  {
    id: text("id").primaryKey(),
    sha256: text("sha256").notNull(),
    size: integer("size").notNull(),
    contentType: text("content_type"),
    partSize: integer("part_size").notNull(),
    partCount: integer("part_count").notNull(),
    r2UploadId: text("r2_upload_id").notNull(),
    partsReceived: integer("parts_received").notNull().default(0),
    partEtags: text("part_etags").notNull().default("[]"),
    hashState: text("hash_state").notNull(),
    status: text("status", { enum: uploadStatuses }).notNull().default("open"),
    failure: text("failure"),
    claim: text("claim"),
    claimUntil: text("claim_until"),
    createdBy: text("created_by").notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    expiresAt: text("expires_at").notNull(),
  },
  (t) => [index("upload_sessions_by_expiry").on(t.expiresAt)],
);

export type UploadSession = typeof uploadSessions.$inferSelect;
export * from "./audit-schema";
export * from "./firmware-schema";
export * from "./rollout-schema";
