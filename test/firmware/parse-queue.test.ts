import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { api } from "../support/api";
import { elfCoredump, espBuild, sha256Hex, zip } from "../support/esp-build";
import {
  as,
  type CoredumpJson,
  createModel,
  deviceWithToken,
  type FirmwareJson,
  privateBytes,
  publish,
  sendCoredump,
  signedLink,
  uploadZip,
} from "../support/firmware";
import { tokenWith } from "../support/tokens";

interface Claim {
  coredump_id: number;
  lease_id: string;
  lease_expires_at: string;
  device: string;
  app_elf_sha256: string | null;
  dump_url: string;
  elf_url: string | null;
}

const claim = (token: string, json?: unknown) =>
  as(
    token,
    "/coredumps/claim",
    json === undefined ? { method: "POST" } : { method: "POST", body: JSON.stringify(json), headers: { "Content-Type": "application/json" } },
  );
const report = (token: string, id: number, json: unknown) =>
  as(token, `/coredumps/${id}/result`, { method: "POST", body: JSON.stringify(json), headers: { "Content-Type": "application/json" } });

async function pendingDump(elfPrefixFrom: string | null) {
  const model = await createModel();
  const build = await publish(model, "1.0.0");
  const { device, token } = await deviceWithToken(model);
  const dump = elfCoredump(elfPrefixFrom === null ? null : build.elfSha256.slice(0, 9));
  const res = await sendCoredump(token, device, dump);
  const { coredump_id } = (await res.json()) as { coredump_id: number };
  return { model, build, device, dump, id: coredump_id };
}

// The queue is global: each test starts from an empty one.
beforeEach(async () => {
  await env.DB.prepare("DELETE FROM coredumps").run();
});

describe("the coredump parse queue", { timeout: 20_000 }, () => {
  it("leases the oldest pending dump with signed links to the dump and its ELF; only the lease holder reports", async () => {
    const { build, dump, id, device } = await pendingDump("prefix");
    const { token: parser } = await tokenWith(["coredumps:parse"]);
    const res = await claim(parser);
    expect(res.status).toBe(200);
    const lease = (await res.json()) as Claim;
    expect(lease).toMatchObject({ coredump_id: id, device, app_elf_sha256: build.elfSha256 });
    const dumpSha = await sha256Hex(dump);
    await signedLink(lease.dump_url, dumpSha);
    await signedLink(lease.elf_url!, build.elfSha256);
    expect(await privateBytes(dumpSha)).toEqual(dump);
    expect(await privateBytes(build.elfSha256)).toEqual(build.files["sensor-node.elf"]);

    // Leased: nobody else gets it.
    expect((await claim(parser)).status).toBe(204);
    const wrong = await report(parser, id, { lease_id: crypto.randomUUID(), status: "PARSED", result: "bt" });
    expect(wrong.status).toBe(409);

    const done = await report(parser, id, { lease_id: lease.lease_id, status: "PARSED", result: "Backtrace: 0x400d1234:0x3ffb0000" });
    expect(done.status).toBe(200);
    expect((await done.json()) as CoredumpJson).toMatchObject({ status: "PARSED", parse_result: "Backtrace: 0x400d1234:0x3ffb0000" });
    expect((await report(parser, id, { lease_id: lease.lease_id, status: "FAILED", reason: "again" })).status).toBe(409);
    expect((await claim(parser)).status).toBe(204);
  });

  it("returns a dump to the queue when its lease expires; the old holder can no longer report", async () => {
    const { id } = await pendingDump("prefix");
    const { token: first } = await tokenWith(["coredumps:parse"]);
    const { token: second } = await tokenWith(["coredumps:parse"]);
    const lease = (await (await claim(first, { lease_seconds: 60 })).json()) as Claim;
    expect(Date.parse(lease.lease_expires_at) - Date.now()).toBeGreaterThan(50_000);
    expect((await claim(second)).status).toBe(204);

    // Given the lease ran out (its expiry moved into the past).
    await env.DB.prepare("UPDATE coredumps SET lease_expires_at = ?2 WHERE id = ?1")
      .bind(id, Date.now() - 1)
      .run();
    expect((await report(first, id, { lease_id: lease.lease_id, status: "PARSED", result: "late" })).status).toBe(409);
    const again = (await (await claim(second)).json()) as Claim;
    expect(again.coredump_id).toBe(id);
    expect(again.lease_id).not.toBe(lease.lease_id);
    expect(await env.DB.prepare("SELECT attempts FROM coredumps WHERE id = ?1").bind(id).first("attempts")).toBe(2);

    const failed = await report(second, id, { lease_id: again.lease_id, status: "FAILED", reason: "gdb: no symbol table" });
    expect(((await failed.json()) as CoredumpJson).status).toBe("FAILED");
  });

  it("hands out an unmatched dump without an ELF link, and matches it once its firmware arrives", async () => {
    const model = await createModel();
    const { device, token } = await deviceWithToken(model);
    const build = await espBuild({ version: "4.0.0" });
    await sendCoredump(token, device, elfCoredump(build.elfSha256.slice(0, 9)));
    const { token: parser } = await tokenWith(["coredumps:parse"]);
    const early = (await (await claim(parser, { lease_seconds: 10 })).json()) as Claim;
    expect(early.elf_url).toBeNull();

    await uploadZip(model, zip(build.files));
    await env.DB.prepare("UPDATE coredumps SET lease_expires_at = 0 WHERE id = ?1").bind(early.coredump_id).run();
    const later = (await (await claim(parser)).json()) as Claim;
    expect(later).toMatchObject({ coredump_id: early.coredump_id, app_elf_sha256: build.elfSha256 });
    await signedLink(later.elf_url!, build.elfSha256);
  });

  it("validates results and needs the coredumps:parse scope", async () => {
    const { id } = await pendingDump(null);
    const { token: parser } = await tokenWith(["coredumps:parse"]);
    expect((await report(parser, id, { lease_id: crypto.randomUUID(), status: "DONE" })).status).toBe(400);
    expect((await report(parser, 999_999, { lease_id: crypto.randomUUID(), status: "FAILED", reason: "x" })).status).toBe(404);
    expect((await claim(parser, { lease_seconds: 1 })).status).toBe(400);
    expect((await api("/coredumps/claim", { method: "POST" })).status).toBe(403);
  });
});

describe("firmware retention with pending coredumps", { timeout: 20_000 }, () => {
  it("never prunes a version whose ELF a PENDING dump needs, and prunes it once the dump is parsed", async () => {
    const model = await createModel();
    const oldest = await publish(model, "1.0.0");
    const { device, token } = await deviceWithToken(model);
    await sendCoredump(token, device, elfCoredump(oldest.elfSha256.slice(0, 9)));
    for (const v of ["1.0.1", "1.0.2", "1.0.3", "1.0.4"]) await publish(model, v);

    const sixth = await uploadZip(model, zip((await espBuild({ version: "1.0.5" })).files));
    expect(((await sixth.json()) as FirmwareJson).pruned_versions).toEqual([]);
    const versions = async () => ((await (await api(`/device-models/${model}/firmware`)).json()) as FirmwareJson[]).map((f) => f.version);
    expect(await versions()).toContain("1.0.0");

    const { token: parser } = await tokenWith(["coredumps:parse"]);
    const lease = (await (await claim(parser)).json()) as Claim;
    await signedLink(lease.elf_url!, oldest.elfSha256);
    await report(parser, lease.coredump_id, { lease_id: lease.lease_id, status: "PARSED", result: "ok" });

    const seventh = await uploadZip(model, zip((await espBuild({ version: "1.0.6" })).files));
    expect(((await seventh.json()) as FirmwareJson).pruned_versions?.sort()).toEqual(["1.0.0", "1.0.1"]);
    expect(await versions()).toEqual(["1.0.6", "1.0.5", "1.0.4", "1.0.3", "1.0.2"]);
  }, 30_000);
});
