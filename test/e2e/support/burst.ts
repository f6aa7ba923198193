import http from "node:http";
import { blob, send, sha256 } from "./http.ts";

export interface BurstResult {
  /** Status counts of the identical PUTs, the distinct PUTs and the GETs. */
  identical: Record<number, number>;
  distinct: Record<number, number>;
  gets: Record<number, number>;
  /** Latencies (ms) of a small unrelated GET sent again and again while the burst runs. */
  probeMs: number[];
  failures: string[];
}

const count = (statuses: number[]) => statuses.reduce<Record<number, number>>((acc, s) => ((acc[s] = (acc[s] ?? 0) + 1), acc), {});

/**
 * The contention scenario: `n` concurrent PUTs of one new blob, `n` of distinct
 * new blobs and `gets` concurrent GETs of a stored blob, all at once, while a
 * probe keeps fetching a small unrelated blob on its own connection.
 */
export async function burst(base: string, token: string, n: number, gets: number, size: number): Promise<BurstResult> {
  const auth = { Authorization: `Bearer ${token}` };
  const small = blob(1000);
  const smallHash = sha256(small);
  await send(base, undefined, { method: "PUT", path: `/api/cas/${smallHash}`, headers: auth, body: small });
  const shared = blob(size);
  const sharedHash = sha256(shared);
  const distinct = Array.from({ length: n }, () => blob(size));
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const failures: string[] = [];
  const status = (p: Promise<{ status: number }>) =>
    p.then(
      (a) => a.status,
      (e: Error) => (failures.push(e.message), 0),
    );

  let done = false;
  const probeMs: number[] = [];
  const probe = (async () => {
    const probeAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    while (!done) {
      const t = performance.now();
      await send(base, probeAgent, { path: `/api/cas/${smallHash}?probe=${probeMs.length}`, timeoutMs: 60_000 }).catch((e: Error) =>
        failures.push(`probe: ${e.message}`),
      );
      probeMs.push(performance.now() - t);
    }
    probeAgent.destroy();
  })();

  const [identical, distinctStatuses, getStatuses] = await Promise.all([
    Promise.all(
      Array.from({ length: n }, () =>
        status(send(base, agent, { method: "PUT", path: `/api/cas/${sharedHash}`, headers: auth, body: shared, timeoutMs: 60_000 })),
      ),
    ),
    Promise.all(
      distinct.map((b) => status(send(base, agent, { method: "PUT", path: `/api/cas/${sha256(b)}`, headers: auth, body: b, timeoutMs: 60_000 }))),
    ),
    Promise.all(Array.from({ length: gets }, (_, i) => status(send(base, agent, { path: `/api/cas/${smallHash}?g=${i % 10}`, timeoutMs: 60_000 })))),
  ]);
  done = true;
  await probe;
  agent.destroy();
  return { identical: count(identical), distinct: count(distinctStatuses), gets: count(getStatuses), probeMs, failures };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
