/**
 * Bytes reach R2 only through src/blobs/: no file outside it calls .put(),
 * .createMultipartUpload() or .resumeMultipartUpload() on an R2 bucket.
 * This check proves it for npm test and exits 1 listing every call it finds.
 *
 * The scan reads the source text (TypeScript 7 has no compiler API to ask
 * for a receiver's type), so it is conservative: every such call counts,
 * except the two other kinds of .put() this code makes, told apart by shape:
 * - a Hono route: `.put("/path", …)`, a string literal path first;
 * - a Cache API or Durable Object storage write: `caches.default.put(`, `.storage.put(`.
 * Deletes stay outside blobs/ on purpose: housekeeping removes bytes, it adds none.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

if (process.argv.includes("--help")) {
  console.log("Usage: tsx scripts/check-r2-writers.ts\nFails listing every R2 write (put, multipart) in src/ outside src/blobs/.");
  process.exit(0);
}

const root = new URL("..", import.meta.url).pathname;
const SKIP = ["src/blobs/", "src/web/client/", "src/web/assets/"];
const WRITE = /\.\s*(put|createMultipartUpload|resumeMultipartUpload)\s*\(/g;
const ALLOWED_RECEIVER = /(caches\.default|\.storage)\s*$/;
const ROUTE_PATH = /^\s*["'`]\//;

/** The source with comments blanked out, line breaks kept so positions still match. */
function withoutComments(text: string): string {
  return text.replace(
    /\/\*[\s\S]*?\*\/|(^|[^:"'`\\])\/\/[^\n]*/g,
    (match, before: string | undefined) => (before ?? "") + match.slice(before?.length ?? 0).replace(/[^\n]/g, " "),
  );
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    const rel = relative(root, path);
    if (SKIP.some((skip) => `${rel}/`.startsWith(skip) || rel.startsWith(skip))) return [];
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

const found: string[] = [];
for (const file of sources(join(root, "src"))) {
  const text = withoutComments(readFileSync(file, "utf8"));
  for (const match of text.matchAll(WRITE)) {
    const at = match.index;
    const after = text.slice(at + match[0].length);
    if (match[1] === "put" && (ROUTE_PATH.test(after) || ALLOWED_RECEIVER.test(text.slice(0, at)))) continue;
    const line = text.slice(0, at).split("\n").length;
    const source = readFileSync(file, "utf8").split("\n")[line - 1]!.trim();
    found.push(`${relative(root, file)}:${line}: ${source}`);
  }
}

if (found.length > 0) {
  console.error("R2 writes outside src/blobs/ (store(), putDerived() or the multipart helpers must make them):");
  for (const f of found) console.error(`  ${f}`);
  process.exit(1);
}
console.log("R2 writes: only src/blobs/ puts bytes into R2.");
