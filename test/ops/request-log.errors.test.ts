import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { API_TOKEN } from "../support/api";
import { ORIGIN } from "../support/blobs";
import { capturingConsole, requestLines } from "../support/ops";
import { fetchWith, wrapDb } from "../support/worker";

const brokenDb = wrapDb(env.DB, {
  get(target, prop, receiver) {
    if (prop === "prepare") {
      return () => {
        throw new TypeError("D1 exploded at query time");
      };
    }
    return Reflect.get(target, prop, receiver);
  },
});

describe("a server error", () => {
  it("logs at error level with the stack and the request id, and shows the client neither", async () => {
    const request = new Request(`${ORIGIN}/api/parts/somepart`, { headers: { Authorization: `Bearer ${API_TOKEN}`, "cf-ray": "ray-500" } });

    const { result: res, logs, errors } = await capturingConsole(() => fetchWith(request, { DB: brokenDb }));

    expect(res.status).toBe(500);
    expect(res.headers.get("X-Request-Id")).toBe("ray-500");
    const text = await res.text();
    expect(text).not.toContain("D1 exploded");
    expect(text).not.toMatch(/\bat \S+ \(/);
    expect(errors).toEqual([
      expect.objectContaining({
        event: "error",
        request_id: "ray-500",
        route: "/api/parts/:key",
        message: "D1 exploded at query time",
        stack: expect.stringContaining("TypeError"),
      }),
    ]);
    expect(requestLines(logs)).toEqual([expect.objectContaining({ request_id: "ray-500", status: 500, error: "internal" })]);
  });

  it("does not log a client's mistake at error level", async () => {
    const { result: res, errors } = await capturingConsole(() => fetchWith(new Request(`${ORIGIN}/api/cas/zz`)));
    expect(res.status).toBe(400);
    expect(errors).toEqual([]);
  });

  it("ignores a cf-ray header that is not an id, so nothing a client sends is logged verbatim", async () => {
    const { result: res, logs } = await capturingConsole(() =>
      // A successful read is logged only when drawn: log every one here.
      fetchWith(new Request(`${ORIGIN}/health`, { headers: { "cf-ray": 'x" injected {json}' } }), { LOG_SAMPLE_RATE: "1" }),
    );
    const id = res.headers.get("X-Request-Id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestLines(logs)[0]?.request_id).toBe(id);
  });
});
