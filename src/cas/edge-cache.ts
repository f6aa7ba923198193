import { type ByteRange, rangeHeaderValue } from "./conditional";
import { unsatisfiable } from "./origin";

/**
 * The Workers Cache API as a store of full 200 responses. Keys are
 * canonical CAS URLs (urls.ts), so the same blob asked for with the same
 * view but with the query in another order, or with unknown extra
 * parameters, shares one entry. The cache answers range requests itself.
 */
export async function cacheMatch(cacheKey: string, range: ByteRange | null): Promise<Response | undefined> {
  const request = new Request(cacheKey, { headers: range ? { Range: rangeHeaderValue(range) } : {} });
  const hit = await caches.default.match(request);
  if (hit?.status === 416) {
    await hit.body?.cancel();
    throw unsatisfiable(Number(/\/(\d+)$/.exec(hit.headers.get("Content-Range") ?? "")?.[1] ?? 0));
  }
  if (hit && hit.status !== 200 && hit.status !== 206) {
    await hit.body?.cancel();
    return undefined;
  }
  return hit;
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
