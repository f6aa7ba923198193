import { execFile } from "node:child_process";
import { describe, expect, it } from "vitest";

/** `npm run accounts -- link-keygen`, offline: the key it prints and the LINK_SIGNING_KEYS it makes. */
const ROOT = new URL("../../", import.meta.url).pathname;
const TSX = new URL("../../node_modules/.bin/tsx", import.meta.url).pathname;

/** Runs the script (tsx directly: npx adds seconds per run), the cases side by side. */
function linkKeygen(args: string[], stdin = ""): Promise<{ code: number | null; lines: string[]; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(TSX, ["scripts/accounts.ts", "link-keygen", ...args], { cwd: ROOT, encoding: "utf8" }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === "number" ? err.code : null) : 0;
      resolve({ code, lines: stdout.trim().split("\n"), stderr });
    });
    child.stdin?.end(stdin);
  });
}

const CURRENT = { keys: [{ kty: "oct", kid: "2026-01-old", k: Buffer.alloc(32, 7).toString("base64url") }] };

describe.concurrent("npm run accounts -- link-keygen", () => {
  it("prints a new 32-byte oct key named <yyyy-mm>-<random>, and a set holding it alone", async ({ expect }) => {
    const { code, lines } = await linkKeygen([]);

    expect(code).toBe(0);
    const key = JSON.parse(lines[0]!) as { kty: string; kid: string; k: string };
    expect(Object.keys(key)).toEqual(["kty", "kid", "k"]);
    expect(key.kty).toBe("oct");
    expect(key.kid).toMatch(/^\d{4}-\d{2}-[0-9a-f]+$/);
    expect(Buffer.from(key.k, "base64url")).toHaveLength(32);
    expect(JSON.parse(lines[1]!)).toEqual({ keys: [key] });
  });

  it("appends the new key last to the current set given on stdin (the last key signs)", async ({ expect }) => {
    const { code, lines } = await linkKeygen([], JSON.stringify(CURRENT));

    expect(code).toBe(0);
    expect(JSON.parse(lines[1]!)).toEqual({ keys: [...CURRENT.keys, JSON.parse(lines[0]!)] });
  });

  it("takes the current set as an argument, and the key id from --kid", async ({ expect }) => {
    const { code, lines } = await linkKeygen(["--kid", "2026-02-new", JSON.stringify(CURRENT)]);

    expect(code).toBe(0);
    const set = JSON.parse(lines[1]!) as { keys: Array<{ kid: string }> };
    expect(set.keys.map((key) => key.kid)).toEqual(["2026-01-old", "2026-02-new"]);
  });

  it.each([
    ["not JSON", ["{keys"]],
    ["not a key set", ['{"keys":3}']],
    ["a key id already in the set", ["--kid", "2026-01-old", JSON.stringify(CURRENT)]],
  ])("refuses %s with exit code 2", async (_, args) => {
    const { code, stderr } = await linkKeygen(args);
    expect(code).toBe(2);
    expect(stderr).toContain("usage:");
  });
});
