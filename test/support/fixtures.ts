import { env } from "cloudflare:test";

const files = (env as Env & { TEST_FIXTURES: Record<string, string> }).TEST_FIXTURES;

/** The bytes of test/fixtures/<name>. */
export function fixture(name: string): Uint8Array {
  const base64 = files[name];
  if (base64 === undefined) throw new Error(`no fixture ${name}`);
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}
