/**
 * The benchmark baseline: the least a Worker can do to serve an R2 object.
 * `/noop` does nothing at all and shows the ceiling of the local harness;
 * `/not-modified` is the least a Worker can do to answer a revalidation.
 */
export default {
  async fetch(request: Request, env: { BUCKET: R2Bucket }): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname === "/noop") return new Response(null, { status: 204 });
    if (pathname === "/not-modified") return new Response(null, { status: 304, headers: { ETag: '"bench"' } });
    if (pathname === "/copy") return copyPage(env.BUCKET, new URL(request.url).searchParams.get("cursor") ?? undefined);
    if (pathname.startsWith("/api/cas/")) return casLike(request, env.BUCKET, `cas/${pathname.slice(9)}`);
    if (request.method === "PUT") {
      await env.BUCKET.put("bench/blob", request.body);
      return new Response(null, { status: 201 });
    }
    const object = await env.BUCKET.get("bench/blob");
    return object ? new Response(object.body) : new Response(null, { status: 404 });
  },
};

/** The raw-copy baseline of bench:migrate: copies one page of parts/ objects to copy/, one at a time. */
async function copyPage(bucket: R2Bucket, cursor: string | undefined): Promise<Response> {
  const page = await bucket.list({ prefix: "parts/", cursor, limit: 200 });
  for (const object of page.objects) {
    const body = await bucket.get(object.key);
    if (body) await bucket.put(`copy/${object.key}`, body.body);
  }
  return Response.json({ copied: page.objects.length, cursor: page.truncated ? page.cursor : null });
}

/** bench:contention's baseline: PUT and GET a key named by the path, with no checks at all. */
async function casLike(request: Request, bucket: R2Bucket, key: string): Promise<Response> {
  if (request.method === "PUT") {
    await bucket.put(key, request.body);
    return new Response(null, { status: 201 });
  }
  const object = await bucket.get(key);
  return object ? new Response(object.body) : new Response(null, { status: 404 });
}
