import { AppError } from "../errors";
import { ResumableSha256 } from "./sha256";

export interface ReceivedPart {
  etag: string;
  /** The digest state after this part, to store with the session. */
  hashState: Uint8Array;
}

/**
 * Streams one part into R2 and through the running SHA-256 in a single
 * pass: every chunk is hashed as it goes by on its way to uploadPart, so
 * the part is read once, nothing is buffered beyond the stream's own
 * backpressure, and memory stays flat whatever the part size.
 * uploadPart needs a stream of known length, hence the FixedLengthStream;
 * a body shorter or longer than declared fails the part, and since the
 * state is only saved by the caller after success, it is left unchanged.
 */
export async function receivePart(
  upload: R2MultipartUpload,
  partNumber: number,
  body: ReadableStream<Uint8Array>,
  length: number,
  savedState: Uint8Array,
): Promise<ReceivedPart> {
  const hasher = await ResumableSha256.start(savedState);
  let received = 0;
  const hashing = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      received += chunk.byteLength;
      if (received > length) throw new AppError("invalid_body", `Part ${partNumber} is ${length} bytes; more arrived.`);
      hasher.update(chunk);
      controller.enqueue(chunk);
    },
    flush() {
      if (received < length) throw new AppError("invalid_body", `Part ${partNumber} is ${length} bytes; only ${received} arrived.`);
    },
  });
  const sized = new FixedLengthStream(length);
  // Two pipes rather than pipeThrough, so that every failure lands in a promise awaited here.
  const [read, piped, uploaded] = await Promise.allSettled([
    body.pipeTo(hashing.writable),
    hashing.readable.pipeTo(sized.writable),
    upload.uploadPart(partNumber, sized.readable),
  ]);
  if (read.status === "rejected" || piped.status === "rejected") {
    const reason = read.status === "rejected" ? read.reason : (piped as PromiseRejectedResult).reason;
    if (reason instanceof AppError) throw reason;
    // The client went away or its body broke off: its mistake, and nothing was recorded.
    throw new AppError("invalid_body", `Part ${partNumber}'s body could not be read to its end (${received} of ${length} bytes).`);
  }
  if (uploaded.status === "rejected") {
    console.error("uploads: R2 uploadPart failed", uploaded.reason);
    throw new AppError("storage_unavailable", `Part ${partNumber} could not be stored; send it again.`);
  }
  return { etag: uploaded.value.etag, hashState: hasher.save() };
}
