import { describe, expect, it } from "vitest";
import { api } from "../support/api";
import { espBuild, zip } from "../support/esp-build";
import { createModel, type FirmwareJson, firmwareCount, nothingStored, uploadZip } from "../support/firmware";

describe("firmware versions that cannot name a URL path segment", { timeout: 20_000 }, () => {
  it.each([".", "..", "1..2", "-1.0", "_build", "beta 1", "1.0/2", "1.0?x", "v1.0%2E"])(
    "an app descriptor with version %j is refused with 422 naming the rule, recording nothing",
    async (version) => {
      const model = await createModel();
      const { files } = await espBuild({ version });
      const res = await uploadZip(model, zip(files));
      expect(res.status).toBe(422);
      expect(res.headers.get("Content-Type")).toBe("application/problem+json");
      expect(res.headers.get("Location")).toBeNull();
      const { detail } = (await res.json()) as { detail: string };
      expect(detail).toContain(`"${version}"`);
      expect(detail).toContain("^[0-9A-Za-z][0-9A-Za-z._+-]{0,63}$");
      expect(await firmwareCount(model)).toBe(0);
      expect(await nothingStored(files)).toBe(true);
    },
  );

  it("accepts versions as git describe and semver write them, each at its own Location", async () => {
    const model = await createModel();
    for (const version of ["1.2.0", "v5.1-rc2-14-g3a4b5c6-dirty", "2.0.0+build.7", "R_2026.11"]) {
      const res = await uploadZip(model, zip((await espBuild({ version })).files));
      expect(res.status, version).toBe(201);
      const location = res.headers.get("Location")!;
      expect(location).toBe(`/api/device-models/${model}/firmware/${encodeURIComponent(version)}`);
      const read = await api(location.slice("/api".length));
      expect(((await read.json()) as FirmwareJson).version, version).toBe(version);
    }
  });

  it("a path version no upload can have is not found", async () => {
    const model = await createModel();
    for (const version of ["%2E", "%2E%2E", "1..2", "a%20b"]) {
      const res = await api(`/device-models/${model}/firmware/${version}`);
      expect(res.status, version).toBe(404);
      expect(res.headers.get("Content-Type")).toBe("application/problem+json");
    }
  });
});
