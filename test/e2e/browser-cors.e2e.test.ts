import http from "node:http";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, type LocalWorker, startWorker } from "../../scripts/lib/local-worker.ts";
import { send, sha256 } from "./support/http.ts";

/**
 * What a browser on another origin does with blobs: fetch them, draw them
 * into a canvas and read the pixels back, and play media opened directly.
 * Debian's chromium, driven by playwright-core.
 */
const WRITE = { Authorization: "Bearer e2e-write" };
let worker: LocalWorker;
let browser: Browser;
let page: http.Server;
let pageOrigin: string;

/** A 1×1 red PNG. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC", "base64");

/** One second of a 440 Hz tone as 8 kHz 8-bit mono WAV. */
function wav(): Buffer {
  const rate = 8000;
  const samples = Buffer.alloc(rate);
  for (let i = 0; i < rate; i++) samples[i] = 128 + Math.round(100 * Math.sin((2 * Math.PI * 440 * i) / rate));
  const header = Buffer.alloc(44);
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + samples.length, 4);
  header.write("WAVEfmt ", 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write("data", 36);
  header.writeUInt32LE(samples.length, 40);
  return Buffer.concat([header, samples]);
}

async function store(bytes: Buffer, type: string): Promise<string> {
  const hash = sha256(bytes);
  const res = await send(worker.url, undefined, {
    method: "PUT",
    path: `/api/cas/${hash}`,
    headers: { ...WRITE, "Content-Type": type },
    body: bytes,
  });
  expect([200, 201]).toContain(res.status);
  return hash;
}

beforeAll(async () => {
  worker = await startWorker("wrangler.toml", 0, { CAS_WRITE_TOKEN: "e2e-write", API_TOKEN: "e2e-api", ADMIN_TOKEN: "e2e-admin" });
  const port = await freePort();
  pageOrigin = `http://localhost:${port}`;
  page = http.createServer((_, res) => res.end("<!doctype html><title>another origin</title>")).listen(port, "127.0.0.1");
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
});

afterAll(async () => {
  await browser?.close();
  page?.close();
  await worker?.stop();
});

describe("a page on another origin", () => {
  it("fetches a blob with a Range header and reads its exposed headers", async () => {
    const hash = await store(Buffer.from("hello, other origin"), "text/plain");
    const tab = await browser.newPage();
    await tab.goto(pageOrigin);
    const result = await tab.evaluate(async (url) => {
      const res = await fetch(url, { headers: { Range: "bytes=0-4" } });
      return { status: res.status, text: await res.text(), etag: res.headers.get("ETag"), range: res.headers.get("Content-Range") };
    }, `${worker.url}/api/cas/${hash}`);
    expect(result).toEqual({ status: 206, text: "hello", etag: `"${hash}"`, range: "bytes 0-4/19" });
    await tab.close();
  });

  it("draws a cross-origin image into a canvas and reads its pixels", async () => {
    const hash = await store(PNG, "image/png");
    const tab = await browser.newPage();
    await tab.goto(pageOrigin);
    const pixel = await tab.evaluate(async (url) => {
      const img = new Image();
      img.crossOrigin = "anonymous";
      img.src = url;
      await img.decode();
      const canvas = document.createElement("canvas");
      canvas.width = canvas.height = 1;
      const ctx = canvas.getContext("2d")!;
      ctx.drawImage(img, 0, 0);
      return [...ctx.getImageData(0, 0, 1, 1).data];
    }, `${worker.url}/api/cas/${hash}`);
    expect(pixel).toEqual([255, 0, 0, 255]);
    await tab.close();
  });

  it("cannot call the API from an origin that is not listed", async () => {
    const tab = await browser.newPage();
    await tab.goto(pageOrigin);
    const outcome = await tab.evaluate(async (url) => {
      try {
        await fetch(url, { headers: { Authorization: "Bearer e2e-api" } });
        return "read";
      } catch {
        return "blocked";
      }
    }, `${worker.url}/api/parts`);
    expect(outcome).toBe("blocked");
    await tab.close();
  });
});

describe("media opened directly", () => {
  it("plays in the browser's own player despite the sandboxing policy", async () => {
    const hash = await store(wav(), "audio/wav");
    const tab = await browser.newPage();
    const violations: string[] = [];
    tab.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await tab.goto(`${worker.url}/api/cas/${hash}?content_type=audio/wav&disposition=inline`);
    const media = await tab.waitForFunction(
      () => {
        const el = document.querySelector("video, audio") as HTMLMediaElement | null;
        return el && (el.readyState >= 1 || el.error) ? { readyState: el.readyState, duration: el.duration, error: el.error?.code ?? null } : null;
      },
      undefined,
      { timeout: 15_000 },
    );
    const state = (await media.jsonValue())!;
    expect(state.error).toBeNull();
    expect(state.duration).toBeCloseTo(1, 1);
    expect(violations).toEqual([]);
    await tab.close();
  });
});
