import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

// Mirrors migrations/0010_audit.sql.
const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/** A JSON value small enough for an audit row's detail: counts, flags, names, short lists of them. */
export type AuditValue = string | number | boolean | null | readonly (string | number)[];
export type AuditDetail = { readonly [key: string]: AuditValue };

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull().default(now),
    sub: text("sub").notNull(),
    action: text("action").notNull(),
    target: text("target", { mode: "json" }).$type<Readonly<Record<string, string>>>(),
    requestId: text("request_id"),
    status: integer("status"),
    error: text("error"),
    detail: text("detail", { mode: "json" }).$type<AuditDetail>(),
  },
  (t) => [
    index("audit_log_by_at").on(t.at, t.id),
    index("audit_log_by_sub").on(t.sub, t.at, t.id),
    index("audit_log_by_action").on(t.action, t.at, t.id),
  ],
);

export type AuditRow = typeof auditLog.$inferSelect;
