/**
 * npm run upload -- FILE [--url URL] [--token T] [--content-type T] [--part-size MiB]
 *
 * Uploads a file of any size to cas-edge through the resumable upload API
 * (/api/uploads): hashes it (streaming), asks for a session (nothing is sent
 * if the blob is already stored), sends the parts with a progress bar and
 * completes. Killed or cut off, run the same command again: the session id
 * is kept in a temp dir under the file's hash and size, and the upload
 * resumes at the first part the server does not have.
 */
import { createHash } from "node:crypto";
import { createReadStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type Client, completeSession, createSession, fetchSession, type Session, sendParts, UploadFailed } from "./lib/resumable-upload.ts";

const USAGE = `usage: npm run upload -- FILE [--url URL] [--token T] [--content-type TYPE] [--part-size MiB]

  --url           the worker (default http://127.0.0.1:8787, the one \`npm start\` runs)
  --token         a token with the cas:write scope (default $CAS_WRITE_TOKEN, else .dev.vars)
  --content-type  stored with the blob (e.g. video/mp4)
  --part-size     MiB per part, 5 to 95 (default: the server's, 16)
  --state-dir     where session ids are kept (default $TMPDIR/cas-edge-uploads)

Prints the blob's URL on stdout. Run the same command again after an interruption to resume.
Exit codes: 0 stored (or already stored), 1 upload failed (server refused, or gave up
after retries), 2 usage error, 3 the file does not match what was declared (changed while
uploading, or the digest check failed).`;

function fail(message: string, code: number): never {
  process.stderr.write(`upload: ${message}\n`);
  process.exit(code);
}

const OPTIONS = {
  url: { type: "string", default: "http://127.0.0.1:8787" },
  token: { type: "string" },
  "content-type": { type: "string" },
  "part-size": { type: "string" },
  "state-dir": { type: "string", default: join(tmpdir(), "cas-edge-uploads") },
  help: { type: "boolean", short: "h" },
} as const;

let parsed: ReturnType<typeof parseArgs<{ allowPositionals: true; options: typeof OPTIONS }>>;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: OPTIONS,
  });
} catch (err) {
  fail(`${(err as Error).message}\n\n${USAGE}`, 2);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (positionals.length !== 1) fail(`give exactly one FILE\n\n${USAGE}`, 2);
const file = positionals[0]!;
if (!existsSync(file) || !statSync(file).isFile()) fail(`${file}: no such file`, 2);
const partSize = values["part-size"] === undefined ? undefined : Number(values["part-size"]) * 1024 * 1024;
if (partSize !== undefined && !(Number.isInteger(partSize) && partSize > 0)) fail("--part-size: a whole number of MiB", 2);

function token(): string {
  if (values.token) return values.token;
  if (process.env.CAS_WRITE_TOKEN) return process.env.CAS_WRITE_TOKEN;
  const match = existsSync(".dev.vars") ? /^CAS_WRITE_TOKEN=(.*)$/m.exec(readFileSync(".dev.vars", "utf8")) : null;
  if (match?.[1]) return match[1].trim();
  fail("give --token, or set CAS_WRITE_TOKEN (or run from a checkout with .dev.vars)", 2);
}

// Progress on stderr: a redrawn bar on a terminal, a line per part otherwise (logs, CI).
const tty = process.stderr.isTTY;
const MiB = 1024 * 1024;
const started = Date.now();
let lastLine = 0;
function progress(label: string, done: number, total: number, force = false): void {
  const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
  const rate = done / MiB / Math.max(0.001, (Date.now() - started) / 1000);
  const text = `${label} ${(done / MiB).toFixed(1)}/${(total / MiB).toFixed(1)} MiB ${pct}% ${rate.toFixed(1)} MiB/s`;
  if (tty) {
    const width = 30;
    const bar = "#".repeat(Math.round((pct / 100) * width)).padEnd(width, ".");
    process.stderr.write(`\r[${bar}] ${text}\x1b[K`);
  } else if (force || Date.now() - lastLine > 5000) {
    lastLine = Date.now();
    process.stderr.write(`${text}\n`);
  }
}
function log(line: string): void {
  process.stderr.write(`${tty ? "\r\x1b[K" : ""}${line}\n`);
}

async function hashFile(path: string, size: number): Promise<string> {
  const hash = createHash("sha256");
  let done = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 4 * MiB })) {
    hash.update(chunk as Buffer);
    done += (chunk as Buffer).length;
    progress("hashing", done, size);
  }
  if (tty) process.stderr.write("\n");
  return hash.digest("hex");
}

async function main(): Promise<string> {
  const size = statSync(file).size;
  if (size === 0) fail(`${file} is empty; store empty blobs with PUT /api/cas/<sha256>`, 2);
  const sha256 = await hashFile(file, size);
  log(`sha256 ${sha256}, ${size} bytes`);

  mkdirSync(values["state-dir"]!, { recursive: true });
  const stateFile = join(values["state-dir"]!, `${sha256}-${size}.json`);
  const client: Client = {
    base: values.url!.replace(/\/$/, ""),
    token: token(),
    log,
    onProgress: (bytes, s, stored) =>
      stored
        ? progress(`${s.parts_received}/${s.part_count} parts stored,`, bytes, size, true)
        : progress(`part ${Math.min(s.part_count, Math.floor(bytes / s.part_size) + 1)}/${s.part_count}`, bytes, size),
  };

  let session: Session | null = null;
  if (existsSync(stateFile)) {
    const { id } = JSON.parse(readFileSync(stateFile, "utf8")) as { id: string };
    session = await fetchSession(client, id);
    if (session?.status === "open") log(`resuming upload ${id} at part ${session.next_part ?? "complete"} of ${session.part_count}`);
    else if (session?.status === "completed") {
      rmSync(stateFile, { force: true });
      return session.url!;
    } else {
      log(`upload ${id} is ${session ? session.status : "gone"}; starting a new one`);
      session = null;
    }
  }
  if (!session) {
    const created = await createSession(client, { sha256, size, contentType: values["content-type"], partSize });
    if (created.kind === "stored") {
      log("already stored; nothing to send");
      return created.url;
    }
    session = created.session;
    writeFileSync(stateFile, JSON.stringify({ id: session.id, url: client.base, file }));
    log(`upload ${session.id}: ${session.part_count} parts of ${(session.part_size / MiB).toFixed(0)} MiB`);
  }

  session = await sendParts(client, file, session);
  if (tty) process.stderr.write("\n");
  try {
    const url = await completeSession(client, session.id);
    rmSync(stateFile, { force: true });
    return url;
  } catch (err) {
    // A digest refusal closes the session for good; anything else may be resumed by running again.
    if (err instanceof UploadFailed && err.exitCode === 3) rmSync(stateFile, { force: true });
    throw err;
  }
}

main().then(
  (url) => {
    const base = values.url!.replace(/\/$/, "");
    log(`stored in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    process.stdout.write(`${base}${url}\n`);
  },
  (err: unknown) => {
    if (err instanceof UploadFailed) fail(err.message, err.exitCode);
    fail(err instanceof Error ? err.message : String(err), 1);
  },
);
