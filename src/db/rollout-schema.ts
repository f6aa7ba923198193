import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { deviceModels, devices } from "./firmware-schema";

// Mirrors migrations/0014_rollouts.sql.
const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export const deviceGroups = sqliteTable(
  "device_groups",
  {
    modelKey: text("model_key")
      .notNull()
      .references(() => deviceModels.key, { onDelete: "cascade" }),
    key: text("key").notNull(),
    tags: text("tags", { mode: "json" }).$type<string[]>().notNull(),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.modelKey, t.key] })],
);

export const rolloutStates = ["draft", "running", "paused", "halted", "finished", "cancelled"] as const;
export type RolloutState = (typeof rolloutStates)[number];

export const rollouts = sqliteTable(
  "rollouts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    modelKey: text("model_key")
      .notNull()
      .references(() => deviceModels.key, { onDelete: "cascade" }),
    groupKey: text("group_key"),
    groupTags: text("group_tags", { mode: "json" }).$type<string[]>(),
    target: text("target").notNull(),
    version: text("version").notNull(),
    rollback: integer("rollback", { mode: "boolean" }).notNull().default(false),
    state: text("state", { enum: rolloutStates }).notNull().default("draft"),
    plan: text("plan", { mode: "json" }).$type<Array<number | null>>().notNull(),
    openStage: integer("open_stage").notNull().default(-1),
    haltReason: text("halt_reason"),
    createdBy: text("created_by").notNull(),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [uniqueIndex("rollouts_one_running").on(t.target).where(sql`state = 'running'`), index("rollouts_by_model").on(t.modelKey, t.id)],
);

export const rolloutStages = sqliteTable(
  "rollout_stages",
  {
    rolloutId: integer("rollout_id")
      .notNull()
      .references(() => rollouts.id, { onDelete: "cascade" }),
    idx: integer("idx").notNull(),
    percentBp: integer("percent_bp"),
    devices: text("devices", { mode: "json" }).$type<string[]>(),
    minSoakSeconds: integer("min_soak_seconds").notNull(),
    maxFailureRatio: real("max_failure_ratio").notNull(),
    minSample: integer("min_sample").notNull(),
    openedAt: text("opened_at"),
    offered: integer("offered").notNull().default(0),
    downloading: integer("downloading").notNull().default(0),
    installing: integer("installing").notNull().default(0),
    rebooted: integer("rebooted").notNull().default(0),
    success: integer("success").notNull().default(0),
    failure: integer("failure").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.rolloutId, t.idx] })],
);

export const updateStatuses = ["offered", "downloading", "installing", "rebooted", "success", "failure"] as const;
export type UpdateStatus = (typeof updateStatuses)[number];

export const rolloutDevices = sqliteTable(
  "rollout_devices",
  {
    rolloutId: integer("rollout_id")
      .notNull()
      .references(() => rollouts.id, { onDelete: "cascade" }),
    deviceKey: text("device_key")
      .notNull()
      .references(() => devices.key, { onDelete: "cascade" }),
    stage: integer("stage").notNull(),
    status: text("status", { enum: updateStatuses }),
    offeredAt: text("offered_at"),
    updatedAt: text("updated_at"),
    reasonCode: text("reason_code"),
    reason: text("reason"),
  },
  (t) => [primaryKey({ columns: [t.rolloutId, t.deviceKey] }), index("rollout_devices_by_device").on(t.deviceKey, t.rolloutId)],
);

export type DeviceGroup = typeof deviceGroups.$inferSelect;
export type Rollout = typeof rollouts.$inferSelect;
export type RolloutStage = typeof rolloutStages.$inferSelect;
export type RolloutDevice = typeof rolloutDevices.$inferSelect;
