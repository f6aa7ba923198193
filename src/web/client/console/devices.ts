import type { components } from "../../../api-types.gen";
import { client, must } from "../api-client";
import { announce, clearAnnouncement, fill, h } from "../dom";
import type { SectionContext } from "./context";
import { firmwareItem } from "./firmware-list";
import { uploadFirmwareZip } from "./firmware-upload";
import { pager, table, when } from "./pager";

type Model = components["schemas"]["DeviceModel"];
type Device = components["schemas"]["Device"];

function modelForm(ctx: SectionContext, onCreated: (m: Model) => void): HTMLElement {
  const key = h("input", { id: "model-key", required: true, maxlength: 64, pattern: "[A-Za-z0-9][A-Za-z0-9._-]{0,63}" });
  const name = h("input", { id: "model-name", required: true, maxlength: 200 });
  const form = h(
    "form",
    { class: "inline" },
    h("label", { for: "model-key" }, "Model key"),
    key,
    h("label", { for: "model-name" }, "Model name"),
    name,
    h("button", { type: "submit" }, "Create model"),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      const model = await must(client.POST("/api/device-models", { body: { key: key.value, name: name.value } }));
      clearAnnouncement();
      form.reset();
      onCreated(model);
    } catch (err) {
      announce((err as Error).message);
    }
  });
  return ctx.may("parts:write") ? form : h("span");
}

function uploadForm(model: string, onDone: () => void): HTMLElement {
  const file = h("input", { type: "file", id: "firmware-zip", accept: ".zip,application/zip", required: true });
  const progress = h("progress", { max: 100, value: 0, hidden: true, "aria-label": "Upload progress" });
  const result = h("p", { class: "upload-result", role: "status" });
  const form = h(
    "form",
    { class: "inline" },
    h("label", { for: "firmware-zip" }, "Firmware ZIP"),
    file,
    h("button", { type: "submit" }, "Upload firmware"),
    progress,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const chosen = file.files?.[0];
    if (!chosen) return;
    clearAnnouncement();
    progress.hidden = false;
    progress.value = 0;
    result.textContent = "";
    try {
      const fw = await uploadFirmwareZip(model, chosen, (f) => {
        progress.value = Math.round(f * 100);
      });
      progress.value = 100;
      const pruned = fw.pruned_versions.length ? ` Pruned: ${fw.pruned_versions.join(", ")}.` : "";
      result.textContent = `Version ${fw.version} stored with ${fw.artifacts.length} artifacts.${pruned}`;
      form.reset();
      onDone();
    } catch (err) {
      progress.hidden = true;
      // The worker's own words: which file is missing, which limit was passed, which version clashes.
      announce((err as Error).message);
    }
  });
  return h("div", { class: "firmware-upload" }, form, result);
}

function modelView(ctx: SectionContext, model: string): HTMLElement {
  const versions = h("div", { class: "versions", "aria-live": "polite" });
  const heading = h("h2", { id: "model-heading" }, `Model ${model}`);
  const load = async () => {
    try {
      const m = await must(client.GET("/api/device-models/{model}", { params: { path: { model } } }));
      heading.textContent = `${m.name} (${m.key})`;
      fill(versions, m.firmware.length ? m.firmware.map(firmwareItem) : h("p", { class: "muted" }, "No firmware uploaded yet."));
    } catch (err) {
      announce((err as Error).message);
    }
  };
  void load();
  return h(
    "section",
    { "aria-labelledby": "model-heading" },
    heading,
    ctx.may("parts:write") ? uploadForm(model, () => void load()) : null,
    h("h3", {}, "Firmware versions"),
    versions,
  );
}

function deviceRow(d: Device): HTMLTableRowElement {
  return h(
    "tr",
    {},
    h(
      "td",
      {},
      h("a", { href: `/console/coredumps?device=${encodeURIComponent(d.key)}`, "data-nav": true, title: "Coredumps of this device" }, d.key),
    ),
    h("td", {}, d.model),
    h("td", {}, d.name ?? ""),
    h("td", {}, d.firmware_version ?? h("span", { class: "muted" }, "not reported")),
    h("td", {}, when(d.last_seen_at)),
  );
}

function devicesView(model: string | null): HTMLElement {
  const body = h("tbody");
  const list = pager(
    body,
    async (cursor) => {
      const page = await must(
        client.GET("/api/devices", { params: { query: { limit: 25, ...(model ? { model } : {}), ...(cursor ? { cursor } : {}) } } }),
      );
      return { items: page.devices, next: page.next_cursor };
    },
    deviceRow,
    model ? "No device of this model yet." : "No devices yet.",
  );
  void list.reload();
  return h(
    "section",
    { "aria-labelledby": "devices-heading" },
    h("h2", { id: "devices-heading" }, model ? `Devices of ${model}` : "Devices"),
    table("Devices", ["Device", "Model", "Name", "Firmware", "Last seen"], body),
    list.empty,
    list.more,
  );
}

/** Device models and their firmware (upload with progress), and the fleet with the firmware each device last reported. */
export function render(ctx: SectionContext): HTMLElement {
  const model = new URLSearchParams(location.search).get("model");
  const models = h("ul", { class: "models", "aria-label": "Device models" });
  const modelLink = (m: Model) =>
    h(
      "li",
      {},
      h(
        "a",
        { href: `/console/devices?model=${encodeURIComponent(m.key)}`, "data-nav": true, "aria-current": m.key === model ? "page" : null },
        `${m.name} (${m.key})`,
      ),
    );
  // Models are few (a product line, not a fleet): the worker answers them in one list.
  void must(client.GET("/api/device-models"))
    .then((list) => fill(models, list.length ? list.map(modelLink) : h("li", { class: "muted" }, "No device models yet.")))
    .catch((err: Error) => announce(err.message));
  return h(
    "div",
    { class: "console" },
    h("h1", { tabindex: -1 }, "Devices and firmware"),
    h(
      "section",
      { "aria-labelledby": "models-heading" },
      h("h2", { id: "models-heading" }, "Device models"),
      models,
      modelForm(ctx, (m) => ctx.navigate(`/console/devices?model=${encodeURIComponent(m.key)}`)),
    ),
    model ? modelView(ctx, model) : null,
    devicesView(model),
  );
}
