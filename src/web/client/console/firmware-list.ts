import type { components } from "../../../api-types.gen";
import { h } from "../dom";
import { formatBytes } from "../format";
import { table, when } from "./pager";

type Firmware = components["schemas"]["Firmware"];

/** One version: its app descriptor's fields and its artifacts with sizes and signed download links. */
export function firmwareItem(f: Firmware): HTMLElement {
  const id = `fw-${f.model}-${f.version}`.replace(/[^A-Za-z0-9_-]/g, "_");
  const fields: Array<[string, string | Node]> = [
    ["Project", f.project_name],
    ["IDF version", f.idf_ver],
    ["ELF SHA-256", h("code", { class: "hash" }, f.app_elf_sha256)],
    ["Built", `${f.build_date} ${f.build_time}`],
    ["Security version", f.security_version === null ? "unknown" : String(f.security_version)],
    ["Uploaded", when(f.uploaded_at)],
    ["Downloads", String(f.downloads)],
  ];
  const rows = f.artifacts.map((a) =>
    h(
      "tr",
      {},
      h("td", {}, h("a", { href: a.download_url, download: "" }, a.name)),
      h("td", {}, a.kind),
      h("td", { class: "num" }, formatBytes(a.size)),
      h("td", {}, h("code", { title: a.sha256 }, a.sha256.slice(0, 12))),
    ),
  );
  return h(
    "article",
    { class: "firmware", "aria-labelledby": id },
    h("h3", { id }, `Version ${f.version}`),
    h(
      "dl",
      { class: "facts" },
      fields.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]),
    ),
    table(`Artifacts of ${f.version}`, ["File", "Kind", "Size", "SHA-256"], h("tbody", {}, rows)),
  );
}
