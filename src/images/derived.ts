import { putDerived } from "../blobs/derived";
import { blobKey, type ContentHash, derivedKey, type Visibility } from "../blobs/keys";
import { resolveRange } from "../cas/conditional";
import { type Origin, r2Origin, unsatisfiable } from "../cas/origin";
import type { ThumbnailRepresentation } from "../cas/routes";
import { AppError } from "../errors";
import type { ImagesService } from "./binding";
import { imageBudget } from "./budget";
import { planThumbnail } from "./plan";
import { corrupt, type ImageInfo, probeHeader, probeImage } from "./probe";
import { makeThumbnail, type Thumbnail } from "./thumbnail";
import { THUMBNAIL_TYPE, thumbnailEtag, thumbnailFilename, thumbnailKey, undecodableKey } from "./thumbnail-spec";

// Concurrent first requests for one thumbnail in this isolate share one generation (keyed by its
// stored key, so a private and a public thumbnail of the same hash and size are two generations).
const inFlight = new Map<string, Promise<{ jpeg: Uint8Array; timing: string }>>();

/**
 * `GET /api/cas/<hash>?thumbnail=N` (and `/api/private/…`), as cas/ serves it:
 * a JPEG with its own validator, whose filename (when one is asked for) ends in .jpg.
 */
export const thumbnailRepresentation: ThumbnailRepresentation = (env, hash, size, view, visibility) => ({
  etag: thumbnailEtag(hash, size),
  view: { ...view, contentType: THUMBNAIL_TYPE, filename: thumbnailFilename(view.filename) },
  origin: thumbnailOrigin(env.BUCKET, hash, size, env.IMAGES, visibility),
});

/**
 * Thumbnails are made once: the first request decodes the source and keeps
 * the JPEG in R2 at thumbnails/<hash>_<size>.jpg; every later request (that
 * the edge cache does not answer first) reads that object, with no decode.
 * A private thumbnail is made from the private copy (else the public one, as
 * the private route reads blobs) and kept under private/ (derivedKey), where
 * the public route never looks.
 */
export function thumbnailOrigin(
  bucket: R2Bucket,
  hash: ContentHash,
  size: number,
  images?: ImagesService,
  visibility: Visibility = "public",
): Origin {
  const stored = r2Origin(bucket, derivedKey(thumbnailKey(hash, size), visibility));
  const generated = async (wantBody: boolean, range: Parameters<Origin["get"]>[0]) => {
    const made = await ensureThumbnail(bucket, hash, size, images, visibility);
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
export function ensureThumbnail(bucket: R2Bucket, hash: ContentHash, size: number, images?: ImagesService, visibility: Visibility = "public") {
  const key = derivedKey(thumbnailKey(hash, size), visibility);
  let pending = inFlight.get(key);
  if (!pending) {
    pending = generate(bucket, hash, size, images, visibility).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending.then(
    (made) => made,
    (err: unknown) => {
      if (err instanceof AppError && err.code === "blob_not_found") return null;
      throw err;
    },
  );
}

/**
 * Header reads grow until the header is found: most sit in the first 64 KB, a
 * JPEG's may follow large APPn segments. They happen before the decode has a
 * reservation in the image budget, so they stop at 8 MB.
 */
const PREFIX_STEPS = [65536, 1 << 20, 8 << 20];

/** The source's key and head: a private thumbnail's is the private copy, else the public one. */
async function sourceOf(bucket: R2Bucket, hash: ContentHash, visibility: Visibility) {
  const keys = visibility === "private" ? [blobKey(hash, "private"), blobKey(hash)] : [blobKey(hash)];
  const heads = await Promise.all(keys.map((key) => bucket.head(key)));
  const found = heads.findIndex((head) => head !== null);
  return found === -1 ? { key: keys[0]!, head: null } : { key: keys[found]!, head: heads[found]! };
}

async function generate(bucket: R2Bucket, hash: ContentHash, size: number, images: ImagesService | undefined, visibility: Visibility) {
  let t = Date.now();
  const undecodableAt = derivedKey(undecodableKey(hash), visibility);
  const [{ key, head }, undecodable] = await Promise.all([sourceOf(bucket, hash, visibility), bucket.head(undecodableAt)]);
  if (head === null) throw new AppError("blob_not_found", "No blob with this hash has been stored.");
  if (undecodable !== null) throw new AppError("corrupt_image", "The image data is corrupt; no thumbnail can be made from it.");
  if (head.size === 0) throw new AppError("unsupported_media_type", "An empty blob is not an image.");
  // The header alone refuses a non-image or a bomb, and sizes the decode, before the file is read.
  let prefix: Uint8Array = new Uint8Array(0);
  let info: ImageInfo | undefined;
  for (const step of PREFIX_STEPS) {
    const length = Math.min(head.size, step);
    if (length <= prefix.length) continue;
    prefix = await readRange(bucket, key, length);
    info = probeHeader(prefix, prefix.length === head.size);
    if (info) break;
  }
  if (!info) throw corrupt(`the JPEG has no frame header in its first ${PREFIX_STEPS.at(-1)! >> 20} MB`);
  const plan = planThumbnail(info, head.size, size, {
    images: images !== undefined,
    capacity: imageBudget.capacity,
    available: imageBudget.available,
  });
  const release = await imageBudget.acquire(plan.peakBytes);
  let r2Read = Date.now() - t;
  let probe = 0;
  let thumb: Thumbnail;
  try {
    const source = {
      async bytes() {
        t = Date.now();
        const whole = prefix.length === head.size ? prefix : await readRange(bucket, key, head.size);
        r2Read += Date.now() - t;
        t = Date.now();
        probeImage(whole);
        probe = Date.now() - t;
        return whole;
      },
      async stream() {
        const object = await bucket.get(key);
        if (object === null) throw new AppError("blob_not_found", "No blob with this hash has been stored.");
        return object.body;
      },
    };
    thumb = await makeThumbnail(source, info, size, plan, images);
  } catch (err) {
    if (err instanceof AppError && err.code === "corrupt_image") await putDerived(bucket, undecodableAt, err.message);
    throw err;
  } finally {
    release();
  }

  t = Date.now();
  await putDerived(bucket, derivedKey(thumbnailKey(hash, size), visibility), thumb.jpeg, THUMBNAIL_TYPE);
  const r2Write = Date.now() - t;
  const { decode, resize, encode } = thumb.timings;
  return {
    jpeg: thumb.jpeg,
    // The decode step names its path (jpeg, png, photon or images): which one made a thumbnail is otherwise invisible.
    timing: `probe;dur=${probe}, decode;dur=${decode};desc=${plan.path}, resize;dur=${resize}, encode;dur=${encode}, r2-read;dur=${r2Read}, r2-write;dur=${r2Write}`,
  };
}

async function readRange(bucket: R2Bucket, key: string, length: number): Promise<Uint8Array> {
  const object = await bucket.get(key, { range: { offset: 0, length } });
  if (object === null) throw new AppError("blob_not_found", "No blob with this hash has been stored.");
  return new Uint8Array(await object.arrayBuffer());
}
