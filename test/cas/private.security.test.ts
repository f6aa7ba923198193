import { describe, expect, it } from "vitest";
import { casGet, ORIGIN, randomBytes, sha256 } from "../support/blobs";
import { fetchPrivate, rotatedKeys, secondKeyOnly, signed, storePrivate } from "../support/private";

/** A refusal: problem+json, never cached, with this code; and neither D1 nor R2 was asked anything. */
async function expectRefused(result: Awaited<ReturnType<typeof fetchPrivate>>, status: number, code: string) {
  const { res, d1Calls, r2Calls } = result;
  expect(res.status).toBe(status);
  expect(res.headers.get("Content-Type")).toBe("application/problem+json");
  expect(res.headers.get("Cache-Control")).toBe("no-store");
  const body = (await res.json()) as { type: string };
  expect(body.type).toBe(`urn:cas-edge:problem:${code.replaceAll("_", "-")}`);
  expect(r2Calls).toEqual([]);
  expect(d1Calls).toEqual([]);
}

/** Replaces (or adds, or with null removes) one query parameter of a path. */
function withParam(path: string, name: string, value: string | null): string {
  const url = new URL(path, ORIGIN);
  if (value === null) url.searchParams.delete(name);
  else url.searchParams.set(name, value);
  return `${url.pathname}${url.search}`;
}

describe("GET /api/private/:hash refuses what a signed link does not allow", () => {
  it.each([["exp"], ["kid"], ["sig"]])("refuses a link without %s with 403, before any read", async (name) => {
    const hash = await storePrivate(randomBytes(100));
    await expectRefused(await fetchPrivate(withParam(await signed(hash), name, null)), 403, "link_invalid");
  });

  it("refuses the unsigned URL with 403", async () => {
    const hash = await storePrivate(randomBytes(100));
    await expectRefused(await fetchPrivate(`/api/private/${hash}`), 403, "link_invalid");
    const head = await fetchPrivate(`/api/private/${hash}`, { method: "HEAD" });
    expect(head.res.status).toBe(403);
    expect(head.res.headers.get("Cache-Control")).toBe("no-store");
    expect([...head.r2Calls, ...head.d1Calls]).toEqual([]);
  });

  it("refuses an expired link with 403 link_expired", async () => {
    const hash = await storePrivate(randomBytes(100));
    await expectRefused(await fetchPrivate(await signed(hash, {}, { seconds: -10 })), 403, "link_expired");
  });

  it("refuses an expired link's 304 too: the signature is checked before the URL's validator", async () => {
    const hash = await storePrivate(randomBytes(100));
    const path = await signed(hash, {}, { seconds: -10 });
    await expectRefused(await fetchPrivate(path, { headers: { "If-None-Match": `"${hash}"` } }), 403, "link_expired");
  });

  it("refuses a link naming another hash than the one it was signed for", async () => {
    const hash = await storePrivate(randomBytes(100));
    const other = await storePrivate(randomBytes(100));
    const path = (await signed(hash)).replace(hash, other);
    await expectRefused(await fetchPrivate(path), 403, "link_invalid");
  });

  it.each([
    ["exp moved later", "exp", (exp: string) => String(Number(exp) + 3600)],
    ["exp moved earlier", "exp", (exp: string) => String(Number(exp) - 1)],
    ["kid of the other test key", "kid", () => "link-test-2"],
    ["kid nobody holds", "kid", () => "nobody"],
    ["sig changed", "sig", (sig: string) => `${sig.startsWith("A") ? "B" : "A"}${sig.slice(1)}`],
    ["sig of another length", "sig", (sig: string) => sig.slice(1)],
  ])("refuses a link with its %s", async (_, name, change) => {
    const hash = await storePrivate(randomBytes(100));
    const path = await signed(hash, { filename: "a.bin" });
    const value = new URL(path, ORIGIN).searchParams.get(name)!;
    await expectRefused(await fetchPrivate(withParam(path, name, change(value))), 403, "link_invalid");
  });

  it.each([
    ["content_type added", {}, "content_type", "text/html"],
    ["content_type changed", { contentType: "image/png" }, "content_type", "text/html"],
    ["content_type removed", { contentType: "image/png" }, "content_type", null],
    ["disposition added", {}, "disposition", "inline"],
    ["disposition changed", { disposition: "attachment" as const }, "disposition", "inline"],
    ["disposition removed", { disposition: "attachment" as const }, "disposition", null],
    ["filename added", {}, "filename", "x.bin"],
    ["filename changed", { filename: "core.bin" }, "filename", "other.bin"],
    ["filename removed", { filename: "core.bin" }, "filename", null],
    ["thumbnail added", {}, "thumbnail", "150"],
    ["thumbnail changed", { thumbnail: 150 }, "thumbnail", "512"],
    ["thumbnail removed", { thumbnail: 150 }, "thumbnail", null],
  ])("refuses a link with %s", async (_, view, name, value) => {
    const hash = await storePrivate(randomBytes(100));
    const path = await signed(hash, view);
    await expectRefused(await fetchPrivate(withParam(path, name, value)), 403, "link_invalid");
  });

  it("keeps a link signed with the old key valid while both keys are in the set, and refuses it once the old key is gone", async () => {
    const bytes = randomBytes(100);
    const hash = await storePrivate(bytes);
    const old = await signed(hash);
    const rotating = { LINK_SIGNING_KEYS: rotatedKeys() };
    const rotated = { LINK_SIGNING_KEYS: secondKeyOnly() };

    const during = await fetchPrivate(old, {}, rotating);
    const byNewKey = await signed(hash, {}, { keys: rotating.LINK_SIGNING_KEYS });
    const after = await fetchPrivate(old, {}, rotated);
    const newAfter = await fetchPrivate(byNewKey, {}, rotated);

    expect(during.res.status).toBe(200);
    expect(new Uint8Array(await during.res.arrayBuffer())).toEqual(bytes);
    expect(new URL(byNewKey, ORIGIN).searchParams.get("kid")).toBe("link-test-2");
    await expectRefused(after, 403, "link_invalid");
    expect(newAfter.res.status).toBe(200);
    expect([...during.d1Calls, ...newAfter.d1Calls]).toEqual([]);
  });

  it("answers a signed link to a hash stored in neither space with the public route's 404", async () => {
    const hash = await sha256(randomBytes(100));

    const { res, d1Calls, r2Calls } = await fetchPrivate(await signed(hash));
    const publicRes = await casGet(hash);

    expect(res.status).toBe(404);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(await res.json()).toEqual(await publicRes.json());
    expect(r2Calls).toEqual([`get private/cas/${hash}`, `get cas/${hash}`]);
    expect(d1Calls).toEqual([]);
  });

  it("never serves a cached private answer to an unsigned request for the same view", async () => {
    const hash = await storePrivate(randomBytes(2048), "image/png");
    const filled = await fetchPrivate(await signed(hash, { filename: "x.png" }));
    expect(filled.res.status).toBe(200);
    const entry = await caches.default.match(`${ORIGIN}/api/private/${hash}?filename=x.png`);
    expect(entry?.status).toBe(200);
    await entry?.body?.cancel();

    const unsigned = await fetchPrivate(`/api/private/${hash}?filename=x.png`);

    expect(unsigned.res.headers.get("Server-Timing")).toBeNull();
    await expectRefused(unsigned, 403, "link_invalid");
  });

  it("refuses a malformed hash (400) and a bad view parameter (400) before looking at the signature", async () => {
    const hash = await storePrivate(randomBytes(10));
    await expectRefused(await fetchPrivate(`/api/private/${"A".repeat(64)}`), 400, "invalid_hash");
    await expectRefused(await fetchPrivate(`/api/private/${hash}?thumbnail=0`), 400, "invalid_parameter");
  });

  it.each([["PUT"], ["POST"], ["DELETE"]])("answers %s with 405 and Allow: GET, HEAD", async (method) => {
    const hash = await storePrivate(randomBytes(10));
    const result = await fetchPrivate(await signed(hash), { method });
    expect(result.res.headers.get("Allow")).toBe("GET, HEAD");
    await expectRefused(result, 405, "method_not_allowed");
  });
});

describe("GET /api/cas/:hash of a private blob", () => {
  /** Everything but the request id: the status, every header and the body. */
  async function shape(res: Response) {
    const headers = [...res.headers].filter(([name]) => name.toLowerCase() !== "x-request-id");
    return { status: res.status, headers, body: await res.text() };
  }

  it("answers exactly like a hash nobody stored, apart from the request id (no existence oracle)", async () => {
    const hash = await storePrivate(randomBytes(100), "application/octet-stream");
    const absent = await sha256(randomBytes(100));

    const { res, d1Calls } = await fetchPrivate(`/api/cas/${hash}`);
    const none = await fetchPrivate(`/api/cas/${absent}`);

    expect(res.status).toBe(404);
    expect(res.headers.get("X-Request-Id")).not.toBe(none.res.headers.get("X-Request-Id"));
    expect(await shape(res)).toEqual(await shape(none.res));
    expect(d1Calls).toEqual([]);
  });

  it("answers a private blob's thumbnail like an absent one's", async () => {
    const hash = await storePrivate(randomBytes(100), "image/png");
    const absent = await sha256(randomBytes(100));

    const res = await fetchPrivate(`/api/cas/${hash}?thumbnail=150`);
    const none = await fetchPrivate(`/api/cas/${absent}?thumbnail=150`);

    expect(res.res.status).toBe(404);
    expect(await shape(res.res)).toEqual(await shape(none.res));
  });
});
