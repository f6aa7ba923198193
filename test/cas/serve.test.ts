import { describe, expect, it } from "vitest";
import { bodyBytes, casGet, ORIGIN, randomBytes, storeBytes } from "../support/blobs";
import { fetchWith, recordingBucket } from "../support/worker";

const IMMUTABLE = "public, max-age=31536000, immutable";

describe("GET /api/cas/:hash", () => {
  it("serves the bytes with an immutable Cache-Control and a strong ETag", async () => {
    const bytes = randomBytes(3000);
    const hash = await storeBytes(bytes, "image/png");

    const res = await casGet(hash, "?content_type=image/png");

    expect(res.status).toBe(200);
    expect(await bodyBytes(res)).toEqual(bytes);
    expect(res.headers.get("Cache-Control")).toBe(IMMUTABLE);
    expect(res.headers.get("ETag")).toBe(`"${hash}"`);
    expect(res.headers.get("Content-Length")).toBe("3000");
    expect(res.headers.get("Content-Type")).toBe("image/png");
    expect(res.headers.get("Accept-Ranges")).toBe("bytes");
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(res.headers.get("Server-Timing")).toMatch(/cache;desc=miss, r2;dur=\d+/);
  });

  it("defaults to the content type stored with the blob, else application/octet-stream", async () => {
    const typed = await storeBytes(randomBytes(10), "application/pdf");
    const untyped = await storeBytes(randomBytes(10));

    expect((await casGet(typed)).headers.get("Content-Type")).toBe("application/pdf");
    const res = await casGet(untyped);
    expect(res.headers.get("Content-Type")).toBe("application/octet-stream");
    expect(res.headers.get("Content-Disposition")).toBe("attachment");
  });

  it("names the file in Content-Disposition when given disposition and filename", async () => {
    const hash = await storeBytes(randomBytes(10));

    const res = await casGet(hash, "?content_type=application/pdf&disposition=attachment&filename=test.pdf");

    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="test.pdf"');
  });

  it("serves a zero-length blob", async () => {
    const hash = await storeBytes(new Uint8Array(0));

    const res = await casGet(hash);

    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Length")).toBe("0");
    expect((await bodyBytes(res)).length).toBe(0);
  });

  it("answers HEAD with the same headers and no body", async () => {
    const hash = await storeBytes(randomBytes(1234), "image/jpeg");

    const res = await casGet(hash, "?filename=a.jpg", { method: "HEAD" });

    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Length")).toBe("1234");
    expect(res.headers.get("Content-Type")).toBe("image/jpeg");
    expect(res.headers.get("ETag")).toBe(`"${hash}"`);
    expect(res.headers.get("Cache-Control")).toBe(IMMUTABLE);
    expect(res.headers.get("Content-Disposition")).toBe('inline; filename="a.jpg"');
    expect(await res.text()).toBe("");
  });
});

describe("conditional GET", () => {
  it.each([
    ["the ETag itself", (h: string) => `"${h}"`],
    ["the ETag in a list", (h: string) => `"other", "${h}"`],
    ["the weak form", (h: string) => `W/"${h}"`],
  ])("answers If-None-Match with %s by 304 without touching R2", async (_, tag) => {
    const hash = await storeBytes(randomBytes(100));
    const { bucket, calls } = recordingBucket();

    const res = await fetchWith(new Request(`${ORIGIN}/api/cas/${hash}`, { headers: { "If-None-Match": tag(hash) } }), {
      BUCKET: bucket,
    });

    expect(res.status).toBe(304);
    expect(res.headers.get("ETag")).toBe(`"${hash}"`);
    expect(res.headers.get("Cache-Control")).toBe(IMMUTABLE);
    expect(calls).toEqual([]);
  });

  it("answers If-None-Match: * by 304 only when the blob exists (one head)", async () => {
    const hash = await storeBytes(randomBytes(100));
    const { bucket, calls } = recordingBucket();

    const hit = await fetchWith(new Request(`${ORIGIN}/api/cas/${hash}`, { headers: { "If-None-Match": "*" } }), { BUCKET: bucket });
    const never = await fetchWith(new Request(`${ORIGIN}/api/cas/${"e".repeat(64)}`, { headers: { "If-None-Match": "*" } }));

    expect(hit.status).toBe(304);
    expect(calls).toEqual([`head cas/${hash}`]);
    expect(never.status).toBe(404);
    expect(never.headers.get("Content-Type")).toBe("application/problem+json");
  });

  it("serves the blob when If-None-Match names another ETag", async () => {
    const hash = await storeBytes(randomBytes(100));

    const res = await casGet(hash, "", { headers: { "If-None-Match": '"something-else"' } });

    expect(res.status).toBe(200);
  });
});

describe("range requests", () => {
  const size = 1000;

  async function rangeGet(headers: Record<string, string>) {
    const bytes = randomBytes(size);
    const hash = await storeBytes(bytes);
    const res = await casGet(hash, "", { headers });
    return { res, bytes, hash, body: await bodyBytes(res) };
  }

  it.each([
    ["bytes=0-99", 0, 99],
    ["bytes=100-", 100, 999],
    ["bytes=-50", 950, 999],
    ["bytes=990-5000", 990, 999],
    ["bytes=-5000", 0, 999],
    ["BYTES = 5 - 5", 5, 5],
  ])("answers %s with 206 and the right slice", async (range, start, end) => {
    const { res, bytes, body } = await rangeGet({ Range: range });

    expect(res.status).toBe(206);
    expect(res.headers.get("Content-Range")).toBe(`bytes ${start}-${end}/${size}`);
    expect(res.headers.get("Content-Length")).toBe(String(end - start + 1));
    expect(body).toEqual(bytes.slice(start, end + 1));
  });

  it.each(["bytes=1000-", "bytes=5000-6000", "bytes=-0"])("answers unsatisfiable %s with 416 and the size", async (range) => {
    const { res, body } = await rangeGet({ Range: range });

    expect(res.status).toBe(416);
    expect(res.headers.get("Content-Range")).toBe(`bytes */${size}`);
    expect(res.headers.get("Content-Type")).toBe("application/problem+json");
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(JSON.parse(new TextDecoder().decode(body)).status).toBe(416);
  });

  it.each(["bytes=0-10, 20-30", "bytes=abc", "bytes=10-5", "items=0-5", "bytes=-", "bytes=0x10-"])(
    "ignores the malformed or multi-range %s and sends the whole blob",
    async (range) => {
      const { res, bytes, body } = await rangeGet({ Range: range });

      expect(res.status).toBe(200);
      expect(body).toEqual(bytes);
    },
  );

  it("honours If-Range carrying the ETag", async () => {
    const bytes = randomBytes(size);
    const hash = await storeBytes(bytes);

    const res = await casGet(hash, "", { headers: { Range: "bytes=0-9", "If-Range": `"${hash}"` } });

    expect(res.status).toBe(206);
    expect(await bodyBytes(res)).toEqual(bytes.slice(0, 10));
  });

  it.each(['"another-etag"', "Wed, 21 Oct 2015 07:28:00 GMT"])("sends the whole blob when If-Range is %s", async (ifRange) => {
    const { res, bytes, body } = await rangeGet({ Range: "bytes=0-9", "If-Range": ifRange });

    expect(res.status).toBe(200);
    expect(body).toEqual(bytes);
  });

  it("refuses any range of a zero-length blob", async () => {
    const hash = await storeBytes(new Uint8Array(0));

    const res = await casGet(hash, "", { headers: { Range: "bytes=0-" } });

    expect(res.status).toBe(416);
    expect(res.headers.get("Content-Range")).toBe("bytes */0");
  });

  it("reads only the requested span from R2", async () => {
    const hash = await storeBytes(randomBytes(size));
    const { bucket, calls } = recordingBucket();

    const res = await fetchWith(new Request(`${ORIGIN}/api/cas/${hash}`, { headers: { Range: "bytes=10-19" } }), { BUCKET: bucket });

    expect(res.status).toBe(206);
    expect(calls).toEqual([`get cas/${hash} {"range":{"offset":10,"length":10}}`]);
  });
});
