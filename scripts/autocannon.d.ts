// autocannon ships no types; this covers the part of its API the benchmarks use.
declare module "autocannon" {
  interface Result {
    requests: { average: number; sent: number };
    errors: number;
    timeouts: number;
    statusCodeStats: Record<string, { count: number }>;
  }
  function autocannon(options: { url: string; connections: number; duration: number; requests: Array<Record<string, unknown>> }): Promise<Result>;
  export default autocannon;
}
