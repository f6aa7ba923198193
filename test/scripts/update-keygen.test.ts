import { execFile } from "node:child_process";
import { CompactSign, compactVerify, importJWK, type JWK } from "jose";
import { describe, expect, it } from "vitest";

/** `npm run accounts -- update-keygen`, offline: the key, its public half and the UPDATE_SIGNING_KEYS it makes. */
const ROOT = new URL("../../", import.meta.url).pathname;
const TSX = new URL("../../node_modules/.bin/tsx", import.meta.url).pathname;

function updateKeygen(args: string[], stdin = ""): Promise<{ code: number | null; lines: string[]; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(TSX, ["scripts/accounts.ts", "update-keygen", ...args], { cwd: ROOT, encoding: "utf8" }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === "number" ? err.code : null) : 0;
      resolve({ code, lines: stdout.trim().split("\n"), stderr });
    });
    child.stdin?.end(stdin);
  });
}

const parse = (line: string | undefined) => JSON.parse(line!) as JWK & { keys?: JWK[] };

describe.concurrent("npm run accounts -- update-keygen", () => {
  it("prints a private P-256 key, its public half (which verifies what the key signs), and a set of one", async ({ expect }) => {
    const { code, lines } = await updateKeygen(["--kid", "u-1"]);
    expect(code).toBe(0);
    const [key, pub, set] = [parse(lines[0]), parse(lines[1]), parse(lines[2])];
    expect(key).toMatchObject({ kty: "EC", crv: "P-256", kid: "u-1", d: expect.any(String) });
    expect(pub).toEqual({ kty: "EC", crv: "P-256", kid: "u-1", x: key.x, y: key.y, alg: "ES256", use: "sig" });
    expect(set).toEqual({ keys: [key] });
    const jws = await new CompactSign(new TextEncoder().encode("{}")).setProtectedHeader({ alg: "ES256" }).sign(await importJWK(key, "ES256"));
    await expect(compactVerify(jws, await importJWK(pub, "ES256"))).resolves.toBeDefined();
  });

  it("stages a new key first (the current one keeps signing), or appends it last with --sign", async ({ expect }) => {
    const current = (await updateKeygen(["--kid", "old"])).lines[2]!;
    const staged = parse((await updateKeygen(["--kid", "new"], current)).lines[2]);
    expect(staged.keys!.map((k) => k.kid)).toEqual(["new", "old"]);
    const signing = parse((await updateKeygen(["--kid", "new", "--sign", current])).lines[2]);
    expect(signing.keys!.map((k) => k.kid)).toEqual(["old", "new"]);
  });

  it("makes an Ed25519 key with --ed25519", async ({ expect }) => {
    const { lines } = await updateKeygen(["--ed25519", "--kid", "ed"]);
    expect(parse(lines[1])).toMatchObject({ kty: "OKP", crv: "Ed25519", alg: "EdDSA", kid: "ed" });
  });

  it.each([
    ["not JSON", ["{keys"]],
    ["a link key set", [JSON.stringify({ keys: [{ kty: "oct", kid: "l", k: "AAAA" }] })]],
  ])("refuses a current set that is %s with exit code 2", async (_, args) => {
    const { code, stderr } = await updateKeygen(args);
    expect(code).toBe(2);
    expect(stderr).toContain("usage:");
  });
});
