/**
 * The import rules of src/ (npm run lint:layers). Layers, from the ground up
 * (README "Layout", STYLE.md): an import only points down or stays in its own
 * layer; when two capabilities need the same thing it moves down, not sideways.
 *
 *   0  env.ts, errors.ts, config.ts, db/
 *   1  http/, blobs/, ops/, audit/, validation.ts
 *   2  access/, cas/, images/         (cas/ below images/)
 *   3  the capabilities: attachments/, uploads/, firmware/, housekeeping/, migration/, search/, web/
 *   4  app.ts, openapi.ts, limits.ts
 *   5  index.ts
 *
 * Type-only imports count: a type that a lower layer needs belongs down there.
 * src/web/client is the page's browser code, bundled on its own by
 * scripts/build-web.ts; it may take the API types generated from the worker's OpenAPI document (src/api-types.gen.ts) and
 * nothing else (build-web.ts fails if worker code ends up in the bundle).
 *
 * TypeScript is parsed with swc: dependency-cruiser 17 reads TypeScript only
 * through the typescript package up to 6.x, and this project compiles with 7.
 */
const L0 = "^src/(env|errors|config|route-types)\\.ts$|^src/db/";
const L1 = "^src/(http|blobs|ops|audit)/|^src/validation\\.ts$";
const L2 = "^src/(access|cas|images)/";
const CAPABILITIES = "attachments|uploads|firmware|housekeeping|migration|search|web";
const L3 = `^src/(${CAPABILITIES})/`;
const L4 = "^src/(app|openapi|limits)\\.ts$";
const CLIENT = "^src/web/client/";

const below = (...layers) => layers.join("|");

/** A rule forbidding `from` any import into src/ outside the layers it may use. */
const onlyDown = (name, from, allowed) => ({
  name,
  severity: "error",
  comment: "An import points up the layers; hand the thing in from above, or move it down.",
  from: { path: from },
  to: { path: "^src/", pathNot: allowed },
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment:
        "An import cycle. The one allowed pair is images/probe.ts <-> images/probe-heif.ts (the HEIF reader " +
        "uses the byte readers and ImageInfo type of the probe that dispatches to it).",
      from: { path: "^src/" },
      to: { circular: true, viaSomeNot: "^src/images/probe(-heif)?\\.ts$" },
    },
    onlyDown("ground-imports-ground", L0, L0),
    onlyDown("layer1-imports-down", L1, below(L0, L1)),
    onlyDown("layer2-imports-down", L2, below(L0, L1, L2)),
    onlyDown("capability-imports-down", `${L3}(?!client/)`, below(L0, L1, L2, L3)),
    onlyDown("app-imports-down", L4, below(L0, L1, L2, L3, L4)),
    {
      name: "cas-imports-no-images",
      severity: "error",
      comment: "cas/ serves bytes; images/ builds on it, not the other way round.",
      from: { path: "^src/cas/" },
      to: { path: "^src/images/" },
    },
    {
      name: "no-sideways-capability",
      severity: "error",
      comment: "A capability imports no other capability: what two of them share moves down a layer.",
      from: { path: `^src/(${CAPABILITIES})/`, pathNot: CLIENT },
      to: { path: `^src/(${CAPABILITIES})/`, pathNot: "^src/$1/" },
    },
    {
      name: "client-imports-only-schema-types",
      severity: "error",
      comment:
        "The page's code is bundled for the browser: from the worker it takes only the API types generated out of its OpenAPI document (src/api-types.gen.ts), so the page reads answers as the document describes them.",
      from: { path: CLIENT },
      to: { path: "^src/", pathNot: `${CLIENT}|^src/api-types\\.gen\\.ts$` },
    },
  ],
  options: {
    parser: "swc",
    includeOnly: "^src/",
    // Built by scripts/build-web.ts (git-ignored), not source.
    exclude: { path: "^src/web/assets/" },
    enhancedResolveOptions: {
      extensions: [".ts", ".js", ".d.ts", ".json"],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
