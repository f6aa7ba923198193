import { type ByteRange, resolveRange } from "./conditional";
import { unsatisfiable } from "./origin";

/**
 * The Workers Cache API as a store of full 200 responses. Keys are
 * canonical CAS URLs (urls.ts), so the same blob asked for with the same
 * view but with the query in another order, or with unknown extra
 * parameters, shares one entry.
 *
 * A range is decided by resolveRange, the same function the R2 path uses,
 * not by the cache: the two disagreed on edge cases (`bytes=-0`, a suffix
 * longer than the blob). The entry's Content-Length gives the size; the
 * resolved span is then read from the cache as an explicit first-last range.
 */
export async function cacheMatch(cacheKey: string, range: ByteRange | null): Promise<Response | undefined> {
  const full = await caches.default.match(cacheKey);
  if (!full) return undefined;
  const size = Number(full.headers.get("Content-Length") ?? Number.NaN);
  if (full.status !== 200 || !Number.isSafeInteger(size)) {
    await full.body?.cancel();
    return undefined;
  }
  if (range === null) return full;
  await full.body?.cancel();
  const span = resolveRange(range, size);
  if (span === null) throw unsatisfiable(size);
  const part = await caches.default.match(new Request(cacheKey, { headers: { Range: `bytes=${span.start}-${span.end}` } }));
  if (!part || (part.status !== 206 && part.status !== 200)) {
    await part?.body?.cancel();
    return undefined;
  }
  if (part.status === 200 && (span.start !== 0 || span.end !== size - 1)) {
    await part.body?.cancel();
    return undefined;
  }
  const headers = new Headers(part.headers);
  headers.set("Content-Range", `bytes ${span.start}-${span.end}/${size}`);
  headers.set("Content-Length", String(span.end - span.start + 1));
  return new Response(part.body, { status: 206, headers });
}

/** Only complete 200 GET responses go in: never a 206, a HEAD or an error. */
export function cachePut(ctx: Pick<ExecutionContext, "waitUntil">, cacheKey: string, response: Response): void {
  if (response.status !== 200) return;
  ctx.waitUntil(
    caches.default.put(cacheKey, response).catch((err: unknown) => {
      console.error("edge cache put failed", cacheKey, err);
    }),
  );
}
