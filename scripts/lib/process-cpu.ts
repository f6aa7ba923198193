/**
 * CPU time of the processes one `wrangler dev` runs, read from /proc (Linux). Benchmarks divide
 * it by the requests served: CPU ms per request moves less than requests/s when other work
 * shares the machine, and it shows which process pays for a request.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** The kernel counts CPU time in clock ticks; 100 a second on every usual Linux. */
const TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;

interface ProcStat {
  pid: number;
  ppid: number;
  /** User plus system time so far, in ms. */
  cpuMs: number;
}

function procStat(pid: number): ProcStat {
  const text = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Field 2 (the command name) is in parentheses and may hold spaces: count the others from its end.
  // After it: field 3 (state) at index 0, so field n is at index n - 3 (ppid 4, utime 14, stime 15).
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  return { pid, ppid: Number(fields[1]), cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND };
}

function commandLine(pid: number): string {
  return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");
}

/** Every live process under `root`, root excluded. */
function descendants(root: number): ProcStat[] {
  const all: ProcStat[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      all.push(procStat(Number(entry)));
    } catch {
      // Gone between the listing and the read.
    }
  }
  const found: ProcStat[] = [];
  const parents = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all) {
      if (parents.has(p.ppid) && !parents.has(p.pid)) {
        parents.add(p.pid);
        found.push(p);
        grew = true;
      }
    }
  }
  return found;
}

/**
 * The three processes that serve a request under `wrangler dev`: wrangler's node process (it
 * prints what the worker logs), the proxy workerd listening on the port, and the runtime
 * workerd that runs the worker. Wrangler may restart the runtime, so look them up per round.
 */
export interface WranglerProcesses {
  wrangler: number;
  proxy: number;
  runtime: number;
}

export type ProcessRole = keyof WranglerProcesses;
export const PROCESS_ROLES: ProcessRole[] = ["runtime", "proxy", "wrangler"];

/** The processes of the `wrangler dev` started as `root` (LocalWorker.pid) and listening on `port`. */
export function wranglerProcesses(root: number, port: number): WranglerProcesses {
  const workerds = descendants(root).filter((p) => commandLine(p.pid).includes("workerd serve"));
  const proxy = workerds.find((p) => commandLine(p.pid).includes(`--socket-addr=entry=127.0.0.1:${port} `));
  const runtime = workerds.find((p) => p !== proxy);
  if (!proxy || !runtime) throw new Error(`wrangler dev (pid ${root}) runs no proxy and runtime workerd on port ${port}`);
  return { wrangler: proxy.ppid, proxy: proxy.pid, runtime: runtime.pid };
}

/** CPU ms used so far by each process; NaN for one that has exited. */
export function cpuTimes(processes: WranglerProcesses): Record<ProcessRole, number> {
  const ms = (pid: number) => {
    try {
      return procStat(pid).cpuMs;
    } catch {
      return Number.NaN;
    }
  };
  return { wrangler: ms(processes.wrangler), proxy: ms(processes.proxy), runtime: ms(processes.runtime) };
}
