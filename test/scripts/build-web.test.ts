import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ASSETS, buildWeb, firstLoadGzip } from "../../scripts/build-web.ts";

/**
 * Every `wrangler dev` the e2e, browser and bench tests start runs this build
 * while other workers already serve the folder: the page's files must never be
 * missing or half written while it runs.
 */
describe("the page's build", () => {
  it("keeps every built file readable and whole while two builds run at once", async () => {
    await buildWeb();
    const app = join(ASSETS, "build/app.js");
    const before = readFileSync(app);
    let reads = 0;
    const seen = new Set<string>();
    let building = true;
    const watcher = (async () => {
      while (building) {
        seen.add(!existsSync(app) ? "missing" : readFileSync(app).equals(before) ? "whole" : "different");
        reads++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await Promise.all([buildWeb(), buildWeb()]);
    building = false;
    await watcher;
    expect(reads).toBeGreaterThan(10);
    expect([...seen]).toEqual(["whole"]);
  });

  it("keeps the console out of the parts list's first load, which stays under 50 KB gzipped", async () => {
    const firstLoad = await buildWeb();
    const consoleCode = (inputs: string[]) =>
      inputs.filter((input) => input.startsWith("src/web/client/console/") && input !== "src/web/client/console/sections.ts");
    // The sections' code is in the build (so the check below is not vacuous), in chunks fetched when a section opens.
    expect(consoleCode(firstLoad.allInputs)).toEqual(
      expect.arrayContaining(["src/web/client/console/accounts.ts", "src/web/client/console/mode.ts"]),
    );
    expect(consoleCode(firstLoad.inputs)).toEqual([]);
    expect(firstLoad.files).toEqual(expect.arrayContaining(["app.css", "build/app.js"]));
    expect(firstLoadGzip(firstLoad)).toBeLessThan(50_000);
  });
});
