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
});

export type Part = typeof parts.$inferSelect;
export type Attachment = typeof partAttachments.$inferSelect;
export type NewAttachment = typeof partAttachments.$inferInsert;
