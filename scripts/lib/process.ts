import { type SpawnOptions, spawn } from "node:child_process";

// The worker never reads request.cf, so miniflare's built-in placeholder is enough. Left on,
// miniflare fetches the real object from the internet at every start and, offline, prints a
// getaddrinfo stack trace. Set here so in-process wrangler (getPlatformProxy) sees it too.
process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= "false";

/** Every wrangler call from a script stays offline and quiet about telemetry. */
export const quietEnv = { ...process.env, WRANGLER_SEND_METRICS: "false" };

const bin = (name: string) => new URL(`../../node_modules/.bin/${name}`, import.meta.url).pathname;

/** Runs a local binary (wrangler, tsc…) to completion; rejects with its exit code. */
export function run(name: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin(name), args, { stdio: "inherit", env: quietEnv, ...options });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${name} ${args.join(" ")} exited with ${code}`))));
  });
}

/** Starts a long-running local binary; the caller stops it with kill(). */
export function start(name: string, args: string[], options: SpawnOptions = {}) {
  return spawn(bin(name), args, { stdio: "inherit", env: quietEnv, ...options });
}
