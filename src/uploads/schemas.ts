import { z } from "zod";
import { contentHash } from "../blobs/keys";
import { casPath } from "../cas/urls";
import type { UploadSession } from "../db/schema";
import { partLength } from "./geometry";

export const createUploadBody = z.object({
  sha256: contentHash,
  size: z.number().int().min(1),
  content_type: z.string().min(1).max(255).optional(),
  part_size: z.number().int().optional(),
});

export const uploadResponse = z.object({
  id: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  content_type: z.string().nullable(),
  part_size: z.number().int(),
  part_count: z.number().int(),
  status: z.enum(["open", "completed", "failed"]),
  /** Parts 1..parts_received are stored; parts are accepted in order only. */
  parts_received: z.number().int(),
  next_part: z.number().int().nullable(),
  /** The size of next_part, which its PUT must carry as Content-Length. */
  next_part_size: z.number().int().nullable(),
  bytes_received: z.number().int(),
  expires_at: z.string(),
  failure: z.string().nullable(),
  /** The blob's CAS URL once completed. */
  url: z.string().nullable(),
});
export type UploadResponse = z.infer<typeof uploadResponse>;

/** An upload whose blob already existed: nothing to send. */
export const existingBlobResponse = z.object({ sha256: z.string(), size: z.number().int(), url: z.string(), status: z.literal("completed") });

export function uploadPath(id: string): string {
  return `/api/uploads/${id}`;
}

export function toUploadResponse(s: UploadSession): UploadResponse {
  const next = s.status === "open" && s.partsReceived < s.partCount ? s.partsReceived + 1 : null;
  return {
    id: s.id,
    sha256: s.sha256,
    size: s.size,
    content_type: s.contentType,
    part_size: s.partSize,
    part_count: s.partCount,
    status: s.status,
    parts_received: s.partsReceived,
    next_part: next,
    next_part_size: next === null ? null : partLength(s, next),
    bytes_received: Math.min(s.size, s.partsReceived * s.partSize),
    expires_at: s.expiresAt,
    failure: s.failure,
    url: s.status === "completed" ? casPath(contentHash.parse(s.sha256)) : null,
  };
}
