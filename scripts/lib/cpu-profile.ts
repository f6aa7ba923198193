/**
 * A V8 CPU profile of a worker under `wrangler dev`, taken through wrangler's DevTools proxy
 * (`--inspector-port`) with the Chrome DevTools Protocol over its WebSocket, and a summary of
 * where the time went: functions by self time, located in src/ or node_modules/ through the
 * source map of the bundle wrangler runs. The .cpuprofile opens in Chrome DevTools or VS Code.
 */
import { existsSync, readFileSync } from "node:fs";
import { SourceMap, type SourceMapPayload } from "node:module";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

interface CallFrame {
  functionName: string;
  scriptId: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

/** The Profiler.Profile of the DevTools protocol (the .cpuprofile format). */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: CallFrame; hitCount?: number; children?: number[]; positionTicks?: Array<{ line: number; ticks: number }> }>;
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

type Socket = { send(data: string): void; close(): void; onmessage: ((event: { data: unknown }) => void) | null };
// Node's WebSocket (undici) takes request headers as a non-standard second argument.
type SocketConstructor = new (url: string, init: { headers: Record<string, string> }) => Socket & EventTarget;

/** Connects to wrangler's DevTools proxy; returns a call function, the scripts the worker loaded, and a close. */
async function devtools(inspectorPort: number) {
  const Constructor = (globalThis as { WebSocket?: unknown }).WebSocket as SocketConstructor | undefined;
  if (Constructor === undefined) throw new Error("a CPU profile needs WebSocket: Node 22 or later, or node --experimental-websocket");
  const [target] = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json()) as Array<{ webSocketDebuggerUrl: string }>;
  if (!target) throw new Error(`wrangler's inspector on port ${inspectorPort} lists no worker`);
  // The proxy refuses a client that sends a User-Agent without an Origin (only VS Code may send neither).
  const socket = new Constructor(target.webSocketDebuggerUrl, { headers: { Origin: "http://127.0.0.1" } });
  await new Promise((resolve, reject) => {
    socket.addEventListener("open", resolve, { once: true });
    socket.addEventListener("error", () => reject(new Error(`cannot connect to ${target.webSocketDebuggerUrl}`)), { once: true });
  });
  let nextId = 0;
  const pending = new Map<number, { resolve: (result: unknown) => void; reject: (err: Error) => void }>();
  /** Script id → URL, from Debugger.scriptParsed: a profile names the worker's bundle only "index.js". */
  const scripts = new Map<string, string>();
  socket.onmessage = ({ data }) => {
    const text = String(data);
    if (text.startsWith('{"method":"Debugger.scriptParsed"')) {
      const { params } = JSON.parse(text) as { params: { scriptId: string; url: string } };
      scripts.set(params.scriptId, params.url);
    }
    // Other events (each console.log of the worker is one) are not answers: skip them unparsed.
    if (!text.startsWith('{"id"')) return;
    const message = JSON.parse(text) as { id: number; result?: unknown; error?: { message: string } };
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.error) waiter.reject(new Error(message.error.message));
    else waiter.resolve(message.result);
  };
  const call = <T>(method: string, params: Record<string, unknown> = {}) =>
    new Promise<T>((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, { resolve: resolve as (result: unknown) => void, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });
  return { call, scripts, close: () => socket.close() };
}

/**
 * Profiles the worker while `during` runs; the sampling interval is in µs. Each frame gets its
 * script's full URL, so the profile points at the bundle (and its source map) on disk.
 */
export async function profileWorker<T>(
  inspectorPort: number,
  during: () => Promise<T>,
  intervalUs = 200,
): Promise<{ profile: CpuProfile; result: T }> {
  const { call, scripts, close } = await devtools(inspectorPort);
  try {
    // Enabling the debugger lists the loaded scripts; it is off again before sampling starts. Its
    // answer queues behind the events wrangler kept while no client was attached, so sampling
    // starts once the proxy has handed those over (it serves no request while it does).
    await call("Debugger.enable");
    await call("Debugger.disable");
    await call("Profiler.enable");
    await call("Profiler.setSamplingInterval", { interval: intervalUs });
    await call("Profiler.start");
    const result = await during();
    const { profile } = await call<{ profile: CpuProfile }>("Profiler.stop");
    await call("Profiler.disable");
    for (const { callFrame } of profile.nodes) callFrame.url = scripts.get(callFrame.scriptId) ?? callFrame.url;
    return { profile, result };
  } finally {
    close();
  }
}

/** Maps bundle positions back to the sources, one source map per bundle file. */
function sourceLocator(root: string) {
  const maps = new Map<string, { map: SourceMap; dir: string } | null>();
  const load = (file: string) => {
    if (!maps.has(file)) {
      const mapFile = `${file}.map`;
      maps.set(
        file,
        existsSync(mapFile) ? { map: new SourceMap(JSON.parse(readFileSync(mapFile, "utf8")) as SourceMapPayload), dir: dirname(file) } : null,
      );
    }
    return maps.get(file)!;
  };
  return (frame: CallFrame): string => {
    if (frame.url === "") return "";
    const file = frame.url.startsWith("file:") ? fileURLToPath(frame.url) : frame.url;
    const found = existsSync(file) ? load(file) : null;
    // DevTools positions are 0-based, as are the source map's.
    const entry = found?.map.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string; originalLine?: number } | undefined;
    if (!found || !entry?.originalSource) return `${relative(root, file)}:${frame.lineNumber + 1}`;
    const source = entry.originalSource.startsWith("file:") ? fileURLToPath(entry.originalSource) : resolve(found.dir, entry.originalSource);
    return `${relative(root, source)}:${(entry.originalLine ?? 0) + 1}`;
  };
}

export interface SelfTime {
  name: string;
  where: string;
  ms: number;
  share: number;
}

/**
 * Functions by self time (time with the function itself on top of the stack), largest first.
 * A built-in (console.log, Response, cache.match…) has no source of its own: it is listed with
 * its caller's name and place. Run this while the worker runs: wrangler deletes its bundle, and
 * with it the source map, on exit.
 */
export function selfTimes(profile: CpuProfile, root: string): { total: number; functions: SelfTime[] } {
  const locate = sourceLocator(root);
  const callers = new Map<number, CpuProfile["nodes"][number]>();
  for (const node of profile.nodes) for (const child of node.children ?? []) callers.set(child, node);
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const hits = profile.nodes.reduce((sum, n) => sum + (n.hitCount ?? 0), 0);
  const byFunction = new Map<string, SelfTime>();
  for (const node of profile.nodes) {
    if (!node.hitCount) continue;
    const { functionName, url } = node.callFrame;
    let name = functionName || "(anonymous)";
    let where = locate(node.callFrame);
    const caller = callers.get(node.id);
    // "(program)", "(idle)", "(garbage collector)" are V8's own entries, not built-ins.
    if (url === "" && !/^\(.*\)$/.test(functionName) && caller) {
      name = `${functionName || "(built-in)"} ← ${caller.callFrame.functionName || "(anonymous)"}`;
      // Its ticks carry the (1-based) line of the call in the caller; the last mapping on that line places it.
      const ticks = node.positionTicks ?? [];
      const line = ticks.length > 0 ? ticks.reduce((a, b) => (b.ticks > a.ticks ? b : a)).line : undefined;
      where = locate(line === undefined ? caller.callFrame : { ...caller.callFrame, lineNumber: line - 1, columnNumber: 100_000 });
    }
    const key = `${name} ${where}`;
    const entry = byFunction.get(key) ?? { name, where, ms: 0, share: 0 };
    entry.share += node.hitCount / hits;
    entry.ms = entry.share * totalMs;
    byFunction.set(key, entry);
  }
  return { total: totalMs, functions: [...byFunction.values()].sort((a, b) => b.ms - a.ms) };
}

/** The `top` functions by self time as table rows, with the time per request served while profiling. */
export function selfTimeTable(profile: CpuProfile, root: string, requests: number, top = 15) {
  const { total, functions } = selfTimes(profile, root);
  const table: Array<[string, ...string[]]> = [
    ["self ms", "share", "µs/request", "function", "source"],
    ...functions
      .slice(0, top)
      .map((f): [string, ...string[]] => [
        f.ms.toFixed(0),
        `${(f.share * 100).toFixed(1)} %`,
        ((f.ms * 1000) / requests).toFixed(0),
        f.name,
        f.where,
      ]),
  ];
  return { total, table };
}
