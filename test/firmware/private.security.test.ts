import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { API_TOKEN, api } from "../support/api";
import { casGet, ORIGIN, randomBytes, sha256 } from "../support/blobs";
import { noise } from "../support/esp-build";
import { type CoredumpJson, createModel, deviceWithToken, type FirmwareJson, publish, sendCoredump } from "../support/firmware";
import { capturingConsole } from "../support/ops";
import { fetchWith } from "../support/worker";

/** An answer reduced to what may not differ between two hashes: the hash itself and the request id aside. */
async function shape(res: Response, hash: string) {
  const headers = [...res.headers].filter(([name]) => !["x-request-id", "date", "server-timing"].includes(name));
  return { status: res.status, headers, body: (await res.text()).replaceAll(hash, "<hash>") };
}

describe("private firmware and coredump blobs on the public route", { timeout: 30_000 }, () => {
  it("answers GET and HEAD of an artifact's or a dump's hash exactly as for a hash never stored", async () => {
    const model = await createModel();
    const build = await publish(model, "1.0.0");
    const { device, token } = await deviceWithToken(model);
    const dump = noise(600);
    expect((await sendCoredump(token, device, dump)).status).toBe(201);
    const absent = await sha256(randomBytes(32));
    for (const hash of [build.appSha256, build.elfSha256, await sha256(dump)]) {
      for (const method of ["GET", "HEAD"]) {
        const res = await casGet(hash, "", { method });
        expect(res.status).toBe(404);
        expect(await shape(res, hash)).toEqual(await shape(await casGet(absent, "", { method }), absent));
      }
    }
  });
});

describe("without LINK_SIGNING_KEYS no link to a private file is handed out", { timeout: 30_000 }, () => {
  const unkeyed = { LINK_SIGNING_KEYS: "" } as Partial<Env>;
  // A server fault is logged with its stack; captured here so a green run prints nothing.
  const asToken = async (path: string, token: string) =>
    (await capturingConsole(() => fetchWith(new Request(`${ORIGIN}/api${path}`, { headers: { Authorization: `Bearer ${token}` } }), unkeyed))).result;

  it("answers the OTA check 503 links_unconfigured, and does not count it as an offer", async () => {
    const model = await createModel();
    await publish(model, "2.0.0");
    const { device, token } = await deviceWithToken(model);
    const res = await asToken(`/devices/${device}/firmware?version=1.0.0`, token);
    expect(res.status).toBe(503);
    expect(res.headers.get("Content-Type")).toBe("application/problem+json");
    expect(((await res.json()) as { type: string }).type).toBe("urn:cas-edge:problem:links-unconfigured");
    const row = await env.DB.prepare("SELECT downloads FROM firmware_versions WHERE model_key = ?1").bind(model).first<{ downloads: number }>();
    expect(row!.downloads).toBe(0);
  });

  it("answers version and coredump details 503 rather than falling back to public URLs", async () => {
    const model = await createModel();
    await publish(model, "3.0.0");
    const { device, token } = await deviceWithToken(model);
    const posted = await sendCoredump(token, device, noise(400));
    const { coredump_id } = (await posted.json()) as { coredump_id: number };
    for (const path of [`/device-models/${model}/firmware/3.0.0`, `/device-models/${model}`, `/coredumps/${coredump_id}`]) {
      const res = await asToken(path, API_TOKEN);
      expect(res.status, path).toBe(503);
      const text = await res.text();
      expect(text, path).not.toContain("/api/cas/");
    }
    // With keys, the same answers carry signed links.
    expect(((await (await api(`/device-models/${model}/firmware/3.0.0`)).json()) as FirmwareJson).artifacts[0]!.download_url).toMatch(
      /^\/api\/private\//,
    );
    expect(((await (await api(`/coredumps/${coredump_id}`)).json()) as CoredumpJson).download_url).toMatch(/^\/api\/private\//);
  });
});
