import type { components } from "../../../api-types.gen";
import { client, must } from "../api-client";
import { announce, clearAnnouncement, h } from "../dom";
import { formatBytes } from "../format";
import { confirmAction } from "./confirm";
import type { SectionContext } from "./context";
import { pager, shortHash, table, when } from "./pager";

type Summary = components["schemas"]["CoredumpPage"]["coredumps"][number];
type Status = Summary["status"];
const STATUSES: Status[] = ["PENDING", "PARSED", "FAILED"];

/**
 * The parse result (or why parsing failed) in a full-width row under the
 * dump's, fetched when asked for: a listing leaves it out, it may be a megabyte.
 */
function resultButton(c: Summary, row: HTMLTableRowElement): HTMLButtonElement {
  const button = h("button", { type: "button", "aria-expanded": "false" }, "Show result");
  let shown: HTMLTableRowElement | null = null;
  button.addEventListener("click", async () => {
    if (shown) {
      shown.remove();
      shown = null;
      button.setAttribute("aria-expanded", "false");
      button.textContent = "Show result";
      return;
    }
    button.setAttribute("aria-expanded", "true");
    button.textContent = "Hide result";
    try {
      const full = await must(client.GET("/api/coredumps/{id}", { params: { path: { id: c.id } } }));
      // textContent only (h() appends a text node): a parser's output is never markup.
      const text = full.parse_result ?? (full.status === "PENDING" ? "Not parsed yet." : "");
      shown = h(
        "tr",
        { class: "result-row" },
        h("td", { colspan: 8 }, h("pre", { class: "parse-result", "aria-label": `Parse result of coredump ${c.id}` }, text)),
      );
      row.after(shown);
    } catch (err) {
      announce((err as Error).message);
    }
  });
  return button;
}

function dumpRow(ctx: SectionContext, c: Summary, onDeleted: () => void): HTMLTableRowElement {
  const actions = h("td", { class: "actions" });
  const row = h(
    "tr",
    { "data-id": c.id },
    h("td", {}, String(c.id)),
    h("td", {}, h("a", { href: `/console/coredumps?device=${encodeURIComponent(c.device)}`, "data-nav": true }, c.device)),
    h("td", {}, h("span", { class: `badge status-${c.status.toLowerCase()}` }, c.status)),
    h("td", {}, when(c.received_at)),
    h("td", {}, c.firmware_version ?? h("span", { class: "muted" }, "unknown")),
    h("td", {}, shortHash(c.app_elf_sha256)),
    h("td", { class: "num" }, formatBytes(c.size)),
    actions,
  );
  actions.append(resultButton(c, row), h("a", { href: c.download_url, download: "" }, "Download"));
  if (ctx.may("parts:delete")) {
    const del = h("button", { type: "button", class: "danger" }, "Delete");
    del.addEventListener("click", async () => {
      if (
        !(await confirmAction(
          `Delete coredump ${c.id}?`,
          `The dump of ${c.device} received ${when(c.received_at)} and its parse result go for good.`,
          "Delete",
        ))
      )
        return;
      try {
        await must(client.DELETE("/api/coredumps/{id}", { params: { path: { id: c.id } } }));
        announce(`Coredump ${c.id} deleted.`, "info");
        if (row.nextElementSibling?.classList.contains("result-row")) row.nextElementSibling.remove();
        row.remove();
        onDeleted();
      } catch (err) {
        announce((err as Error).message);
      }
    });
    actions.append(del);
  }
  return row;
}

/** The coredump queue, overall or of one device, by status: newest first, a page at a time. */
export function render(ctx: SectionContext): HTMLElement {
  const params = new URLSearchParams(location.search);
  const status = h(
    "select",
    { id: "dump-status" },
    h("option", { value: "" }, "Any"),
    STATUSES.map((s) => h("option", { value: s, selected: params.get("status") === s }, s)),
  );
  const device = h("input", { id: "dump-device", value: params.get("device") ?? "", maxlength: 128 });
  const body = h("tbody");
  const list = pager(
    body,
    async (cursor) => {
      const query = {
        limit: 25,
        ...(status.value ? { status: status.value as Status } : {}),
        ...(device.value.trim() ? { device: device.value.trim() } : {}),
        ...(cursor ? { cursor } : {}),
      };
      const page = await must(client.GET("/api/coredumps", { params: { query } }));
      return { items: page.coredumps, next: page.next_cursor };
    },
    (c) => dumpRow(ctx, c, () => void 0),
    "No coredumps match.",
  );
  const filters = h(
    "form",
    { class: "inline", role: "search" },
    h("label", { for: "dump-status" }, "Status"),
    status,
    h("label", { for: "dump-device" }, "Device"),
    device,
    h("button", { type: "submit" }, "Show"),
  );
  filters.addEventListener("submit", (e) => {
    e.preventDefault();
    clearAnnouncement();
    const q = new URLSearchParams();
    if (status.value) q.set("status", status.value);
    if (device.value.trim()) q.set("device", device.value.trim());
    // The filter is in the address, so a device's queue can be linked to and survives a reload.
    history.replaceState(null, "", `/console/coredumps${q.size ? `?${q}` : ""}`);
    void list.reload();
  });
  void list.reload();
  return h(
    "div",
    { class: "console" },
    h("h1", { tabindex: -1 }, "Coredumps"),
    filters,
    table("Coredumps", ["Id", "Device", "Status", "Received", "Firmware", "Matched ELF", "Size", "Actions"], body),
    list.empty,
    list.more,
  );
}
