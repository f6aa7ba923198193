import { AppError } from "../errors";
import { contentLength } from "../http/bounded-body";

/** Reads Content-Length the way a size limit must: present, a plain integer, and within `max`. */
export function declaredLength(header: string | null, max: number): number {
  const length = contentLength(header);
  if (length === null) {
    throw new AppError("length_required", "Send Content-Length: the size limit is checked before the body is read.");
  }
  if (length > max) throw new AppError("payload_too_large", `The body has ${length} bytes; the limit is ${max}.`);
  return length;
}
