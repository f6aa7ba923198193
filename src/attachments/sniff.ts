import type { AttachmentType } from "../db/schema";
import { essence } from "../http/media-type";
import { canMakeThumbnail } from "../images/thumbnail-spec";

export function attachmentTypeFor(contentType: string): AttachmentType {
  const type = essence(contentType);
  if (type === "application/pdf") return "pdf";
  return canMakeThumbnail(type) ? "image" : "file";
}
