/**
 * The benchmark baseline: the least a Worker can do to serve an R2 object.
 * `/noop` does nothing at all and shows the ceiling of the local harness.
 */
export default {
  async fetch(request: Request, env: { BUCKET: R2Bucket }): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname === "/noop") return new Response(null, { status: 204 });
    if (request.method === "PUT") {
      await env.BUCKET.put("bench/blob", request.body);
      return new Response(null, { status: 201 });
    }
    const object = await env.BUCKET.get("bench/blob");
    return object ? new Response(object.body) : new Response(null, { status: 404 });
  },
};
