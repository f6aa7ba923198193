import { vi } from "vitest";

/** An Analytics Engine binding that keeps every point written to it, in order. */
export function recordingDataset(): { dataset: AnalyticsEngineDataset; points: AnalyticsEngineDataPoint[] } {
  const points: AnalyticsEngineDataPoint[] = [];
  return { dataset: { writeDataPoint: (point) => points.push(point ?? {}) } as AnalyticsEngineDataset, points };
}

/** An Analytics Engine binding that throws on every write, as a misconfigured one would. */
export const throwingDataset = {
  writeDataPoint() {
    throw new Error("dataset unavailable");
  },
} as AnalyticsEngineDataset;

/** The objects the worker passed to console.log / console.error while `run` ran (nothing is printed). */
export async function capturingConsole<T>(run: () => Promise<T>): Promise<{ result: T; logs: unknown[]; errors: unknown[] }> {
  const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
  const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    const result = await run();
    return { result, logs: log.mock.calls.map((args) => args[0]), errors: error.mock.calls.map((args) => args[0]) };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

/** The request log lines among captured console.log calls. */
export function requestLines(logs: unknown[]): Array<Record<string, unknown>> {
  return logs.filter((l): l is Record<string, unknown> => typeof l === "object" && l !== null && (l as { event?: unknown }).event === "request");
}
