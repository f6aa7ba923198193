import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

/** `npm run accounts -- link-keygen`, offline: the key it prints and the LINK_SIGNING_KEYS it makes. */
const ROOT = new URL("../../", import.meta.url).pathname;

function linkKeygen(args: string[], stdin = "") {
  const run = spawnSync("npx", ["tsx", "scripts/accounts.ts", "link-keygen", ...args], { cwd: ROOT, input: stdin, encoding: "utf8" });
  return { code: run.status, lines: run.stdout.trim().split("\n"), stderr: run.stderr };
}

const CURRENT = { keys: [{ kty: "oct", kid: "2026-01-old", k: Buffer.alloc(32, 7).toString("base64url") }] };

describe("npm run accounts -- link-keygen", () => {
  it("prints a new 32-byte oct key named <yyyy-mm>-<random>, and a set holding it alone", () => {
    const { code, lines } = linkKeygen([]);

    expect(code).toBe(0);
    const key = JSON.parse(lines[0]!) as { kty: string; kid: string; k: string };
    expect(Object.keys(key)).toEqual(["kty", "kid", "k"]);
    expect(key.kty).toBe("oct");
    expect(key.kid).toMatch(/^\d{4}-\d{2}-[0-9a-f]+$/);
    expect(Buffer.from(key.k, "base64url")).toHaveLength(32);
    expect(JSON.parse(lines[1]!)).toEqual({ keys: [key] });
  });

  it("appends the new key last to the current set given on stdin (the last key signs)", () => {
    const { code, lines } = linkKeygen([], JSON.stringify(CURRENT));

    expect(code).toBe(0);
    expect(JSON.parse(lines[1]!)).toEqual({ keys: [...CURRENT.keys, JSON.parse(lines[0]!)] });
  });

  it("takes the current set as an argument, and the key id from --kid", () => {
    const { code, lines } = linkKeygen(["--kid", "2026-02-new", JSON.stringify(CURRENT)]);

    expect(code).toBe(0);
    const set = JSON.parse(lines[1]!) as { keys: Array<{ kid: string }> };
    expect(set.keys.map((key) => key.kid)).toEqual(["2026-01-old", "2026-02-new"]);
  });

  it.each([
    ["not JSON", ["{keys"]],
    ["not a key set", ['{"keys":3}']],
    ["a key id already in the set", ["--kid", "2026-01-old", JSON.stringify(CURRENT)]],
  ])("refuses %s with exit code 2", (_, args) => {
    const { code, stderr } = linkKeygen(args);
    expect(code).toBe(2);
    expect(stderr).toContain("usage:");
  });
});
