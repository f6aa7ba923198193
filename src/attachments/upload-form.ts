import { concat } from "../blobs/bytes";
import { BUFFER_LIMIT } from "../blobs/store";
import { AppError } from "../errors";
import { boundaryOf, MAX_FIELDS, MultipartReader, type PartHead } from "./multipart";

export interface FormUpload {
  body: ReadableStream;
  /** The file part's exact length in bytes. */
  length: number;
  fileType: string | undefined;
  filename: string | undefined;
  title: string | undefined;
  sha256: string | undefined;
  attributes: string | undefined;
  settle: (failed: boolean) => Promise<void>;
}

const invalid = (detail: string) => new AppError("invalid_body", detail);
const noFile = () => invalid('file: a multipart upload needs a part named "file" holding the file.');
const isFile = (head: PartHead) => head.name === "file" || head.filename !== undefined;
/** Bytes left after the closing delimiter that a body may carry and still be read as one (an epilogue). */
const EPILOGUE_LIMIT = 64 * 1024;
/** What a refused form's reader reads on before letting go; the body middleware (src/http/request-body.ts) reads the rest. */
const ERROR_DRAIN_BYTES = 1024 * 1024;

/**
 * Reads a multipart/form-data upload up to the start of its file part:
 * `title`, `sha256` and `attributes` fields first (a field after the file would arrive
 * after the file was stored, so it is refused), then the file, streamed.
 *
 * R2 stores a stream only when told its length first, and a multipart part
 * does not say its length. Two ways to know it, both with flat memory:
 * - a file that fits BUFFER_LIMIT is read whole into memory, exact;
 * - a larger one is computed from Content-Length: what is left after the
 *   file part's headers, minus the closing "\r\n--boundary--\r\n" every
 *   mainstream client (browsers, curl, fetch, requests, Go) ends with. The
 *   bytes stream through a FixedLengthStream of that length and are counted:
 *   a body that differs (an epilogue, or no final CRLF) is refused with a
 *   400 before its last byte is handed on, so R2 stores nothing.
 * Either way the file reaches ingest like a raw body of known length.
 */
export async function readMultipart(body: ReadableStream<Uint8Array> | null, contentType: string, contentLength: number): Promise<FormUpload> {
  if (body === null) throw noFile();
  const reader = new MultipartReader(body, boundaryOf(contentType));
  const fields: { title: string | undefined; sha256: string | undefined; attributes: string | undefined } = {
    title: undefined,
    sha256: undefined,
    attributes: undefined,
  };
  let head: PartHead;
  try {
    if (!(await reader.start())) throw noFile();
    for (let count = 0; ; count++) {
      head = await reader.head();
      if (isFile(head)) break;
      if (count >= MAX_FIELDS) throw invalid(`A multipart upload may have at most ${MAX_FIELDS} fields.`);
      const { value, more } = await reader.field();
      if (head.name === "title" || head.name === "sha256" || head.name === "attributes") fields[head.name] = value;
      if (!more) throw noFile();
    }
    if (head.name !== "file") throw invalid(`The file must be sent in the part named "file", not "${head.name ?? ""}".`);
  } catch (err) {
    await reader.discard(ERROR_DRAIN_BYTES);
    throw err;
  }

  const refuseMore = async (more: boolean) => {
    if (!more) return;
    const next = await reader.head();
    throw invalid(
      isFile(next)
        ? "The multipart upload has two file parts; send one file per request."
        : `The field "${next.name ?? ""}" comes after the file part; send fields before the file.`,
    );
  };
  const base = { fileType: head.mediaType, filename: head.filename, ...fields };
  const trailer = reader.delimiter.length + 4; // "\r\n--boundary" + "--\r\n"
  const left = contentLength - reader.consumed;

  if (left - trailer <= BUFFER_LIMIT) {
    const chunks: Uint8Array[] = [];
    let size = 0;
    try {
      await reader.body(async (chunk) => {
        size += chunk.length;
        if (size > BUFFER_LIMIT + trailer) throw invalid("The multipart body is longer than its Content-Length.");
        chunks.push(chunk);
      }, refuseMore);
    } catch (err) {
      await reader.discard(ERROR_DRAIN_BYTES);
      throw err;
    }
    await reader.discard(EPILOGUE_LIMIT);
    return { ...base, body: new Response(concat(chunks, size)).body!, length: size, settle: async () => {} };
  }

  const length = left - trailer;
  const file = pushable();
  let written = 0;
  let consumerGone = false;
  let overflow = false;
  let stop = false;
  const mismatch = () =>
    invalid(
      `The multipart body must end right after its file with "\\r\\n--boundary--\\r\\n" (its Content-Length says the file has ${length} bytes).`,
    );
  const pump = (async (): Promise<AppError | null> => {
    try {
      await reader.body(async (chunk) => {
        if (stop) throw new Error("upload abandoned");
        // Longer than Content-Length allows: hand on no more, but read on to say why
        // (a body never closed is told apart from one with bytes after its end).
        if (overflow || written + chunk.length > length) overflow = true;
        if (overflow) return;
        written += chunk.length;
        // A consumer that dedups cancels the stream: the rest is read only to check it.
        if (!consumerGone) await file.write(chunk).catch(() => (consumerGone = true));
      }, refuseMore);
      if (overflow || written !== length) throw mismatch();
      if (!consumerGone) file.close();
      await reader.discard(EPILOGUE_LIMIT);
      return null;
    } catch (err) {
      file.abort(err);
      await reader.discard(ERROR_DRAIN_BYTES);
      return err instanceof AppError ? err : null;
    }
  })();
  return {
    ...base,
    body: file.readable,
    length,
    settle: async (failed) => {
      if (failed) {
        // The ingest gave up: stop feeding it, but report the client's own mistake if that was the cause.
        stop = true;
        await file.readable.cancel().catch(() => {});
      }
      const problem = await pump;
      if (problem) throw problem;
    },
  };
}

/**
 * A stream the file part is pushed into, one chunk ahead of its reader (so
 * memory stays flat). A plain JS stream on purpose: ingest pipes it into a
 * FixedLengthStream, and the runtime cannot pipe one of its own transform
 * streams into another ("Inter-TransformStream ReadableStream.pipeTo() is not
 * implemented").
 */
function pushable() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let wake: (() => void) | null = null;
  let cancelled = false;
  const resume = () => {
    wake?.();
    wake = null;
  };
  const readable = new ReadableStream<Uint8Array>(
    {
      start: (c) => void (controller = c),
      pull: resume,
      cancel: () => {
        cancelled = true;
        resume();
      },
    },
    { highWaterMark: 1 },
  );
  return {
    readable,
    async write(chunk: Uint8Array): Promise<void> {
      if (cancelled) throw new Error("reader cancelled");
      controller.enqueue(chunk);
      if ((controller.desiredSize ?? 0) <= 0) await new Promise<void>((resolve) => (wake = resolve));
      if (cancelled) throw new Error("reader cancelled");
    },
    close: () => cancelled || controller.close(),
    abort: (reason: unknown) => cancelled || controller.error(reason),
  };
}
