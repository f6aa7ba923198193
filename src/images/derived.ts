import { blobKey, type ContentHash, THUMBNAIL_PREFIX, thumbnailKey } from "../cas/keys";
import { type Origin, r2Origin, unsatisfiable } from "../cas/origin";
import { resolveRange } from "../cas/conditional";
import { AppError } from "../errors";
import { probeHeader, probeImage } from "./probe";
import { makeThumbnail } from "./thumbnail";

/** Sources larger than this are not read into memory to be thumbnailed. */
export const MAX_SOURCE_BYTES = 25 * 1024 * 1024;

export const THUMBNAIL_TYPE = "image/jpeg";

// Concurrent first requests for one thumbnail in this isolate share one generation.
const inFlight = new Map<string, Promise<{ jpeg: Uint8Array; timing: string }>>();

/**
 * Thumbnails are made once: the first request decodes the source and keeps
 * the JPEG in R2 at thumbnails/<hash>_<size>.jpg; every later request (that
 * the edge cache does not answer first) reads that object, with no decode.
 */
export function thumbnailOrigin(bucket: R2Bucket, hash: ContentHash, size: number): Origin {
  const stored = r2Origin(bucket, thumbnailKey(hash, size));
  const generated = async (wantBody: boolean, range: Parameters<Origin["get"]>[0]) => {
    const made = await ensureThumbnail(bucket, hash, size);
    if (made === null) return null;
    const bytes = made.jpeg;
    const span = range ? resolveRange(range, bytes.length) : null;
    if (range && span === null) throw unsatisfiable(bytes.length);
    const body = !wantBody ? null : span ? bytes.slice(span.start, span.end + 1) : bytes;
    return { size: bytes.length, contentType: THUMBNAIL_TYPE, body: body && new Response(body).body, span, timing: made.timing };
  };
  return {
    async head() {
      return (await stored.head()) ?? generated(false, null);
    },
    async get(range) {
      return (await stored.get(range)) ?? generated(true, range);
    },
  };
}

/** Makes and stores the thumbnail unless another request in this isolate already is; null if the source is missing. */
export function ensureThumbnail(bucket: R2Bucket, hash: ContentHash, size: number) {
  const key = thumbnailKey(hash, size);
  let pending = inFlight.get(key);
  if (!pending) {
    pending = generate(bucket, hash, size).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending.then((made) => made, (err: unknown) => {
    if (err instanceof AppError && err.code === "blob_not_found") return null;
    throw err;
  });
}

/**
 * Marks a source photon could not decode. A blob never changes, so neither
 * does that verdict, and every photon trap leaks the memory that call had
 * taken: a corrupt image is decoded once, not once per request.
 */
const undecodableKey = (hash: ContentHash) => `${THUMBNAIL_PREFIX}${hash}.undecodable`;

async function generate(bucket: R2Bucket, hash: ContentHash, size: number) {
  let t = Date.now();
  const [head, undecodable] = await Promise.all([bucket.head(blobKey(hash)), bucket.head(undecodableKey(hash))]);
  if (head === null) throw new AppError("blob_not_found", "No blob with this hash has been stored.");
  if (undecodable !== null) throw new AppError("corrupt_image", "The image data is corrupt; no thumbnail can be made from it.");
  if (head.size > MAX_SOURCE_BYTES) {
    throw new AppError("image_too_large", `The blob has ${head.size} bytes; thumbnails are made from files up to ${MAX_SOURCE_BYTES} bytes.`);
  }
  if (head.size === 0) throw new AppError("unsupported_media_type", "An empty blob is not an image.");
  // The header alone refuses a non-image or a bomb: read a prefix before the whole file.
  const prefixLength = Math.min(head.size, 65536);
  const first = await bucket.get(blobKey(hash), { range: { offset: 0, length: prefixLength } });
  if (first === null) throw new AppError("blob_not_found", "No blob with this hash has been stored.");
  const prefix = new Uint8Array(await first.arrayBuffer());
  probeHeader(prefix, prefix.length === head.size);
  const whole = prefix.length === head.size ? null : await bucket.get(blobKey(hash));
  const source = whole ? new Uint8Array(await whole.arrayBuffer()) : prefix;
  const r2Read = Date.now() - t;

  t = Date.now();
  const info = probeImage(source);
  const probe = Date.now() - t;
  let thumb: ReturnType<typeof makeThumbnail>;
  try {
    thumb = makeThumbnail(source, info, size);
  } catch (err) {
    if (err instanceof AppError && err.code === "corrupt_image") await bucket.put(undecodableKey(hash), err.message);
    throw err;
  }

  t = Date.now();
  await bucket.put(thumbnailKey(hash, size), thumb.jpeg, { httpMetadata: { contentType: THUMBNAIL_TYPE } });
  const r2Write = Date.now() - t;
  const { decode, resize, encode } = thumb.timings;
  return {
    jpeg: thumb.jpeg,
    timing: `probe;dur=${probe}, decode;dur=${decode}, resize;dur=${resize}, encode;dur=${encode}, r2-read;dur=${r2Read}, r2-write;dur=${r2Write}`,
  };
}
