import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { chunkedBody } from "../support/bytes";
import { elfCoredump } from "../support/esp-build";
import { as, createModel, deviceWithToken, publish, sendCoredump } from "../support/firmware";
import { tokenWith } from "../support/tokens";

/** POST /api/coredumps/claim with a streamed body: no Content-Length, as a chunked request arrives. */
function claimChunked(token: string, text: string) {
  return as(token, "/coredumps/claim", {
    method: "POST",
    body: chunkedBody(text),
    headers: { "Content-Type": "application/json" },
    duplex: "half",
  } as RequestInit);
}

async function pendingDump() {
  const model = await createModel();
  const build = await publish(model, "1.0.0");
  const { device, token } = await deviceWithToken(model);
  await sendCoredump(token, device, elfCoredump(build.elfSha256.slice(0, 9)));
}

// The queue is global: each test starts from an empty one.
beforeEach(async () => {
  await env.DB.prepare("DELETE FROM coredumps").run();
});

describe("a claim body sent chunked is parsed like one with a length", { timeout: 20_000 }, () => {
  it.each([
    ['{"lease_seconds":"x"}', "lease_seconds"],
    ['{"lease_seconds":1}', "lease_seconds"],
    ['{"lease":60}', "lease"],
    ["{not json", "JSON"],
  ])("%s → 400, and nothing is leased", async (text, field) => {
    await pendingDump();
    const { token } = await tokenWith(["coredumps:parse"]);
    const res = await claimChunked(token, text);
    expect(res.status).toBe(400);
    expect(res.headers.get("Content-Type")).toBe("application/problem+json");
    expect(((await res.json()) as { detail: string }).detail).toContain(field);
    expect(await env.DB.prepare("SELECT COUNT(*) AS n FROM coredumps WHERE lease_id IS NOT NULL").first("n")).toBe(0);
  });

  it("honours a valid lease_seconds", async () => {
    await pendingDump();
    const { token } = await tokenWith(["coredumps:parse"]);
    const res = await claimChunked(token, '{"lease_seconds":30}');
    expect(res.status).toBe(200);
    const lease = (await res.json()) as { lease_expires_at: string };
    expect(Date.parse(lease.lease_expires_at) - Date.now()).toBeLessThanOrEqual(30_000);
  });

  it("takes an empty body as the defaults", async () => {
    await pendingDump();
    const { token } = await tokenWith(["coredumps:parse"]);
    const res = await claimChunked(token, "");
    expect(res.status).toBe(200);
    const lease = (await res.json()) as { lease_expires_at: string };
    expect(Date.parse(lease.lease_expires_at) - Date.now()).toBeGreaterThan(30_000);
  });
});
