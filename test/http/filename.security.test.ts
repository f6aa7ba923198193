import { describe, expect, it } from "vitest";
import { type AttachmentJson, createPart, pngBytes, upload } from "../support/api";
import { casGet, randomBytes, storeBytes } from "../support/blobs";

/** Bidi controls and zero-width characters: each draws nothing, yet changes what a reader sees. */
const INVISIBLE = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C"].concat([
  "\u200B",
  "\u200C",
  "\u200D",
  "\u2060",
  "\uFEFF",
]);

async function disposition(filename: string): Promise<string | null> {
  const hash = await storeBytes(randomBytes(10));
  const res = await casGet(hash, `?disposition=attachment&filename=${encodeURIComponent(filename)}`);
  expect(res.status).toBe(200);
  await res.arrayBuffer();
  return res.headers.get("Content-Disposition");
}

describe("the one filename cleaner removes bidi controls and zero-width characters", () => {
  it("so ?filename=<U+202E>gnp.exe is served as gnp.exe, not shown as exe.png", async () => {
    expect(await disposition("\u202Egnp.exe")).toBe('attachment; filename="gnp.exe"');
  });

  it.each(INVISIBLE.map((c) => [`U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`, c]))(
    "removes %s from ?filename=, keeping the rest",
    async (_, c) => {
      expect(await disposition(`re${c}port.pdf`)).toBe('attachment; filename="report.pdf"');
    },
  );

  it("removes them from an uploaded attachment's filename too", async () => {
    const { key } = await createPart();
    const res = await upload(key, pngBytes(), { type: "image/png", filename: "\u2067photo\u200B.png\u2069" });
    expect(res.status).toBe(201);
    expect(((await res.json()) as AttachmentJson).filename).toBe("photo.png");
  });
});
