import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { casGet, ORIGIN, randomBytes, storeBytes } from "../support/blobs";

async function expectProblem(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get("Content-Type")).toBe("application/problem+json");
  expect(res.headers.get("Cache-Control")).toBe("no-store");
  const body = (await res.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ status, type: expect.stringMatching(/^urn:cas-edge:problem:/), title: expect.any(String) });
  expect(body.detail).toEqual(expect.any(String));
  expect(JSON.stringify(body)).not.toMatch(/\bat .*\.(ts|js):\d+/);
  return body;
}

describe("malformed hashes", () => {
  const valid = "a".repeat(64);
  it.each([
    ["short", "a".repeat(63)],
    ["uppercase", "A".repeat(64)],
    ["non-hex", "g".repeat(64)],
    ["65 characters", "a".repeat(65)],
    ["a path", `..%2F${valid}`],
  ])("rejects a %s hash with 400 before any storage call", async (_, hash) => {
    await expectProblem(await casGet(hash), 400);
  });
});

describe("missing blobs and bad parameters", () => {
  it("answers a hash nobody stored with 404 problem+json that is not cacheable", async () => {
    const body = await expectProblem(await casGet("0".repeat(64)), 404);
    expect(body.title).toBe("Blob not found");
  });

  it("rejects content_type together with thumbnail (thumbnails are always JPEG)", async () => {
    const hash = await storeBytes(randomBytes(10));
    await expectProblem(await casGet(hash, "?content_type=image/png&thumbnail=150"), 400);
  });

  it.each([
    ["content_type=notamime", "content_type"],
    ["content_type=", "content_type"],
    ["content_type=text/html%0D%0AX-Evil:1", "content_type"],
    ["content_type=a/b;c", "content_type"],
    ["disposition=download", "disposition"],
    ["disposition=", "disposition"],
    ["filename=a&filename=b", "filename"],
    ["content_type=image/png&content_type=text/plain", "content_type"],
  ])("rejects ?%s with a 400 naming %s", async (query, field) => {
    const hash = await storeBytes(randomBytes(10));
    const body = await expectProblem(await casGet(hash, `?${query}`), 400);
    expect(body.detail).toContain(field);
  });

  it("ignores unknown query parameters", async () => {
    const hash = await storeBytes(randomBytes(10));
    expect((await casGet(hash, "?utm_source=x&v=2")).status).toBe(200);
  });

  it("answers other methods with 405 and Allow", async () => {
    const res = await casGet("a".repeat(64), "", { method: "DELETE" });
    await expectProblem(res, 405);
    expect(res.headers.get("Allow")).toBe("GET, HEAD, PUT");
  });

  it("answers unknown routes with 404 problem+json", async () => {
    await expectProblem(await SELF.fetch(`${ORIGIN}/api/nothing-here`), 404);
  });
});

describe("no stored XSS from this origin", () => {
  it.each([
    "text/html",
    "image/svg+xml",
    "application/xml",
    "text/xml",
    "application/javascript",
    "text/javascript",
    "application/x-unknown",
    "application/xhtml+xml",
  ])("forces %s to download even when inline is asked for", async (type) => {
    const hash = await storeBytes(new TextEncoder().encode("<script>alert(1)</script>"));

    const res = await casGet(hash, `?content_type=${encodeURIComponent(type)}&disposition=inline`);

    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Disposition")).toBe("attachment");
    expect(res.headers.get("Content-Security-Policy")).toContain("sandbox");
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
  });

  it("treats an HTML type stored at upload like one asked for in the URL", async () => {
    const hash = await storeBytes(new TextEncoder().encode("<h1>x</h1>"), "text/html; charset=utf-8");

    const res = await casGet(hash, "?disposition=inline");

    expect(res.headers.get("Content-Disposition")).toBe("attachment");
  });

  it.each([
    ['image/jpeg; x="<script>"', "image/jpeg"],
    ["text/plain; format=flowed; charset=UTF-8", "text/plain; charset=utf-8"],
    ['text/plain; charset="iso-8859-1"', "text/plain; charset=iso-8859-1"],
    ["IMAGE/PNG; q=1", "image/png"],
  ])("keeps only type/subtype and charset of content_type=%s", async (given, sent) => {
    const hash = await storeBytes(randomBytes(10));
    const res = await casGet(hash, `?content_type=${encodeURIComponent(given)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe(sent);
  });

  it.each(["video/mp4", "audio/mpeg", "video/webm"])("lets a %s player load its own source, and nothing else", async (type) => {
    const hash = await storeBytes(randomBytes(10));

    const res = await casGet(hash, `?content_type=${encodeURIComponent(type)}`);

    expect(res.headers.get("Content-Disposition")).toBe("inline");
    expect(res.headers.get("Content-Security-Policy")).toBe("default-src 'none'; media-src 'self'; style-src 'unsafe-inline'; sandbox");
  });

  it("keeps media-src out of a downloaded video's policy", async () => {
    const hash = await storeBytes(randomBytes(10));
    const res = await casGet(hash, "?content_type=video/mp4&disposition=attachment");
    expect(res.headers.get("Content-Security-Policy")).toBe("default-src 'none'; style-src 'unsafe-inline'; sandbox");
  });

  it.each(["image/png", "image/jpeg", "text/plain; charset=utf-8"])("shows %s inline in a sandbox", async (type) => {
    const hash = await storeBytes(randomBytes(10));

    const res = await casGet(hash, `?content_type=${encodeURIComponent(type)}`);

    expect(res.headers.get("Content-Disposition")).toBe("inline");
    expect(res.headers.get("Content-Security-Policy")).toBe("default-src 'none'; style-src 'unsafe-inline'; sandbox");
  });

  it("shows a PDF inline without the sandbox the PDF viewer refuses", async () => {
    const hash = await storeBytes(randomBytes(10));

    const res = await casGet(hash, "?content_type=application/pdf&disposition=inline");

    expect(res.headers.get("Content-Disposition")).toBe("inline");
    expect(res.headers.get("Content-Security-Policy")).not.toContain("sandbox");
    expect(res.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
  });
});

describe("filenames cannot break the header", () => {
  async function disposition(filename: string) {
    const hash = await storeBytes(randomBytes(10));
    const res = await casGet(hash, `?disposition=attachment&filename=${encodeURIComponent(filename)}`);
    expect(res.status).toBe(200);
    return res.headers.get("Content-Disposition");
  }

  it("drops CR and LF so no header can be injected", async () => {
    expect(await disposition("a\r\nSet-Cookie: x=1.txt")).toBe('attachment; filename="aSet-Cookie: x=1.txt"');
  });

  it("replaces quotes and backslashes in the ASCII form and keeps them encoded in filename*", async () => {
    expect(await disposition('say "hi"\\.txt')).toBe(`attachment; filename="say _hi__.txt"; filename*=UTF-8''say%20%22hi%22_.txt`);
  });

  it("turns path separators into underscores and strips leading dots", async () => {
    expect(await disposition("../../etc/passwd")).toBe('attachment; filename="_.._etc_passwd"');
  });

  it("keeps a non-ASCII name in filename* with an ASCII fallback", async () => {
    expect(await disposition("Schaltplan Ω-1 ü.pdf")).toBe(
      `attachment; filename="Schaltplan _-1 _.pdf"; filename*=UTF-8''Schaltplan%20%CE%A9-1%20%C3%BC.pdf`,
    );
  });

  it("removes control characters, including NUL and DEL", async () => {
    expect(await disposition("a\u0000b\u007fc\u0085.txt")).toBe('attachment; filename="abc.txt"');
  });

  it("caps a very long name and keeps its extension", async () => {
    const header = await disposition(`${"x".repeat(5000)}.pdf`);
    const name = /filename="([^"]*)"/.exec(header ?? "")?.[1] ?? "";
    expect(name.length).toBe(150);
    expect(name.endsWith(".pdf")).toBe(true);
  });

  it("omits the filename when nothing printable is left", async () => {
    expect(await disposition("\r\n\t")).toBe("attachment");
  });
});
