import { essence } from "../cas/view";
import type { AttachmentType } from "../db/schema";

/** Images a thumbnail can be made from (HEIC/HEIF/AVIF through the Images binding). */
const THUMBNAILABLE = new Set(["image/jpeg", "image/png", "image/gif", "image/webp", "image/heic", "image/heif", "image/avif"]);

export function attachmentTypeFor(contentType: string): AttachmentType {
  const type = essence(contentType);
  if (type === "application/pdf") return "pdf";
  return THUMBNAILABLE.has(type) ? "image" : "file";
}
