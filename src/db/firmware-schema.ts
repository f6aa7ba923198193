import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, unique } from "drizzle-orm/sqlite-core";
import { blobVisibilities } from "./visibility";

// Mirrors migrations/0008_firmware.sql (devices.tags and pinned_version: 0014_rollouts.sql; listing indexes: 0016).
const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export const deviceModels = sqliteTable("device_models", {
  key: text("key").primaryKey(),
  name: text("name").notNull(),
  createdAt: text("created_at").notNull().default(now),
});

export const firmwareVersions = sqliteTable(
  "firmware_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    modelKey: text("model_key")
      .notNull()
      .references(() => deviceModels.key, { onDelete: "cascade" }),
    version: text("version").notNull(),
    projectName: text("project_name").notNull(),
    idfVer: text("idf_ver").notNull(),
    buildDate: text("build_date").notNull(),
    buildTime: text("build_time").notNull(),
    appElfSha256: text("app_elf_sha256").notNull(),
    // migrations/0015: esp_app_desc_t.secure_version; null for builds stored before it was kept.
    securityVersion: integer("security_version"),
    downloads: integer("downloads").notNull().default(0),
    uploadedAt: text("uploaded_at").notNull().default(now),
  },
  (t) => [
    unique().on(t.modelKey, t.version),
    index("firmware_versions_by_model").on(t.modelKey, t.id),
    index("firmware_versions_by_elf").on(t.appElfSha256),
  ],
);

export const artifactKinds = ["app", "elf", "map", "bootloader", "partition_table", "version_json", "other"] as const;

export const firmwareArtifacts = sqliteTable(
  "firmware_artifacts",
  {
    firmwareId: integer("firmware_id")
      .notNull()
      .references(() => firmwareVersions.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: text("kind", { enum: artifactKinds }).notNull(),
    sha256: text("sha256").notNull(),
    size: integer("size").notNull(),
    blobVisibility: text("blob_visibility", { enum: blobVisibilities }).notNull().default("public"),
  },
  (t) => [primaryKey({ columns: [t.firmwareId, t.name] }), index("firmware_artifacts_by_sha256").on(t.sha256)],
);

export const devices = sqliteTable(
  "devices",
  {
    key: text("key").primaryKey(),
    modelKey: text("model_key")
      .notNull()
      .references(() => deviceModels.key),
    name: text("name"),
    firmwareVersion: text("firmware_version"),
    lastSeenAt: text("last_seen_at"),
    createdAt: text("created_at").notNull().default(now),
    /** Sorted, unique lowercase tokens (migrations/0014); groups select devices by them. */
    tags: text("tags", { mode: "json" }).$type<string[]>().notNull().default([]),
    pinnedVersion: text("pinned_version"),
  },
  // migrations/0016: the console's device listing, by model.
  (t) => [index("devices_by_model").on(t.modelKey, t.key)],
);

export const coredumpStatuses = ["PENDING", "PARSED", "FAILED"] as const;

export const coredumps = sqliteTable(
  "coredumps",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    deviceKey: text("device_key")
      .notNull()
      .references(() => devices.key, { onDelete: "cascade" }),
    receivedAt: text("received_at").notNull().default(now),
    sha256: text("sha256").notNull(),
    size: integer("size").notNull(),
    firmwareVersion: text("firmware_version"),
    elfSha256Prefix: text("elf_sha256_prefix"),
    appElfSha256: text("app_elf_sha256"),
    status: text("status", { enum: coredumpStatuses }).notNull().default("PENDING"),
    parseResult: text("parse_result"),
    parsedAt: text("parsed_at"),
    leaseId: text("lease_id"),
    leaseHolder: text("lease_holder"),
    leaseExpiresAt: integer("lease_expires_at"),
    attempts: integer("attempts").notNull().default(0),
    blobVisibility: text("blob_visibility", { enum: blobVisibilities }).notNull().default("public"),
  },
  (t) => [
    index("coredumps_by_device").on(t.deviceKey, t.id),
    index("coredumps_pending").on(t.id).where(sql`status = 'PENDING'`),
    index("coredumps_by_sha256").on(t.sha256),
    // migrations/0016: the console's queue listing, by status.
    index("coredumps_by_status").on(t.status, t.id),
  ],
);

export type DeviceModel = typeof deviceModels.$inferSelect;
export type FirmwareVersion = typeof firmwareVersions.$inferSelect;
export type FirmwareArtifact = typeof firmwareArtifacts.$inferSelect;
export type Device = typeof devices.$inferSelect;
export type Coredump = typeof coredumps.$inferSelect;
