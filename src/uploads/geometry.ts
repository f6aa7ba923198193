import { AppError } from "../errors";

/** R2 refuses multipart parts below 5 MiB (except the last) and more than 10 000 parts. */
export const MIN_PART_SIZE = 5 * 1024 * 1024;
/** One part is one request body, and a Worker request body is at most 100 MB. */
export const MAX_PART_SIZE = 95 * 1024 * 1024;
/** A dropped connection costs at most one part; 16 MiB keeps a 1 GB file to 64 requests. */
export const DEFAULT_PART_SIZE = 16 * 1024 * 1024;
export const MAX_PARTS = 10_000;
const MIB = 1024 * 1024;

/**
 * The part size for an upload: the client's choice within R2's bounds, or
 * the default raised (in whole MiB) until the file fits in 10 000 parts.
 */
export function choosePartSize(size: number, requested: number | undefined): number {
  if (requested !== undefined) {
    if (requested < MIN_PART_SIZE || requested > MAX_PART_SIZE) {
      throw new AppError("invalid_body", `part_size: must be between ${MIN_PART_SIZE} and ${MAX_PART_SIZE} bytes.`);
    }
    if (Math.ceil(size / requested) > MAX_PARTS) {
      throw new AppError("invalid_body", `part_size: ${size} bytes would need more than ${MAX_PARTS} parts of ${requested} bytes.`);
    }
    return requested;
  }
  const fitting = Math.ceil(size / MAX_PARTS / MIB) * MIB;
  const chosen = Math.max(DEFAULT_PART_SIZE, fitting);
  if (chosen > MAX_PART_SIZE) throw new AppError("payload_too_large", `size: at most ${MAX_PART_SIZE * MAX_PARTS} bytes.`);
  return chosen;
}

export function partCount(size: number, partSize: number): number {
  return Math.ceil(size / partSize);
}

/** Every part is part_size bytes except the last, which holds the rest. */
export function partLength(session: { size: number; partSize: number; partCount: number }, part: number): number {
  return part < session.partCount ? session.partSize : session.size - session.partSize * (session.partCount - 1);
}
