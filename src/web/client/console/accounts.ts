import type { components } from "../../../api-types.gen";
import { client, must } from "../api-client";
import { announce, clearAnnouncement, fill, h } from "../dom";
import { age, timeAgo } from "./age";
import type { SectionContext } from "./context";

type Account = components["schemas"]["Account"];
type AccountWithSecret = components["schemas"]["AccountWithSecret"];
type AccountScope = NonNullable<components["schemas"]["AccountCreate"]["scopes"]>[number];
type Action = "rotate" | "retire" | "disable" | "enable";

/** The scopes an account may be given, in the order the form offers them (the worker's enum, checked by the types). */
const SCOPES: readonly AccountScope[] = ["parts:read", "parts:write", "parts:delete", "cas:write", "admin", "coredumps:parse", "device"];

/** What a destructive action asks first; rotate and enable take nothing away and ask nothing. */
function confirmation(a: Account, action: Action): string | null {
  if (action === "retire") {
    return `Retire the older secret of "${a.name}" (made ${age(a.secrets[0] ?? "")})? A client still using it can no longer get tokens.`;
  }
  if (action === "disable") {
    return `Disable "${a.name}"? Its token requests are refused at once and the tokens it holds within 30 s.`;
  }
  return null;
}

const DONE: Record<Action, string> = {
  rotate: "has a new secret",
  retire: "has its older secret retired",
  disable: "is disabled",
  enable: "is enabled",
};

function facts(...rows: Array<[string, Node | string]>): HTMLDListElement {
  return h("dl", { class: "facts" }, ...rows.flatMap(([term, value]) => [h("dt", {}, term), h("dd", {}, value)]));
}

function secretAges(a: Account): Node {
  const span = h("span", {}, `${a.secrets.length}: made `);
  for (const [i, made] of a.secrets.entries()) span.append(...(i > 0 ? [", "] : []), timeAgo(made));
  return span;
}

/**
 * Service accounts (GET /api/admin/accounts answers every account in one
 * list, so there is no paging here): create one, rotate, retire and
 * disable/enable. A new secret appears once, in the panel above the list,
 * from the answer that made it; the worker keeps only its hash, and the
 * list never carries one.
 */
export function render(_ctx: SectionContext): HTMLElement {
  const reveal = h("div", { class: "reveal" });
  const count = h("p", { class: "muted", role: "status" });
  const list = h("ul", { class: "accounts", "aria-labelledby": "accounts-list" });

  function showSecret(a: AccountWithSecret, what: string): void {
    const copy = h("button", { type: "button" }, "Copy secret");
    copy.addEventListener("click", () => {
      navigator.clipboard.writeText(a.client_secret).then(
        () => void (copy.textContent = "Copied"),
        () => announce("The browser refused the clipboard: select the secret and copy it."),
      );
    });
    const done = h("button", { type: "button" }, "I have copied it");
    done.addEventListener("click", () => fill(reveal));
    fill(
      reveal,
      h(
        "section",
        { class: "secret-once", "aria-labelledby": "secret-heading" },
        h("h2", { id: "secret-heading" }, `${what}: ${a.name}`),
        h("p", { class: "warning" }, "Copy the secret now: it is shown this once and cannot be shown again (only its hash is kept)."),
        facts(["Client ID", h("code", {}, a.client_id)], ["Client secret", h("code", { class: "secret" }, a.client_secret)]),
        h("div", { class: "actions" }, copy, done),
      ),
    );
    copy.focus();
  }

  async function act(a: Account, action: Action): Promise<void> {
    const question = confirmation(a, action);
    if (question !== null && !confirm(question)) return;
    try {
      const params = { params: { path: { clientId: a.client_id } } };
      if (action === "rotate") showSecret(await must(client.POST("/api/admin/accounts/{clientId}/rotate", params)), "New secret");
      else if (action === "retire") await must(client.POST("/api/admin/accounts/{clientId}/retire", params));
      else if (action === "disable") await must(client.POST("/api/admin/accounts/{clientId}/disable", params));
      else await must(client.POST("/api/admin/accounts/{clientId}/enable", params));
      await load();
      announce(`"${a.name}" ${DONE[action]}.`, "info");
    } catch (err) {
      announce((err as Error).message);
    }
  }

  function button(a: Account, action: Action, label: string, danger = false): HTMLButtonElement {
    const b = h("button", { type: "button", class: danger ? "danger" : null, "aria-label": `${label}: ${a.name}` }, label);
    b.addEventListener("click", () => void act(a, action));
    return b;
  }

  function item(a: Account): HTMLLIElement {
    return h(
      "li",
      { class: "account", "data-client-id": a.client_id },
      h("h3", {}, a.name, a.disabled ? h("span", { class: "badge badge-off" }, "disabled") : null),
      facts(
        ["Client ID", h("code", {}, a.client_id)],
        ["Scopes", a.scopes.join(" ")],
        ["Device", a.device_key ?? "—"],
        ["Secrets", secretAges(a)],
        ["Last used", a.last_used_at ? timeAgo(a.last_used_at) : "never"],
        ["Created", timeAgo(a.created_at)],
      ),
      h(
        "div",
        { class: "actions" },
        // Two live secrets is the most an account has: the older is retired before another rotation.
        a.secrets.length < 2 ? button(a, "rotate", "Rotate secret") : button(a, "retire", "Retire older secret", true),
        a.disabled ? button(a, "enable", "Enable") : button(a, "disable", "Disable", true),
      ),
    );
  }

  async function load(): Promise<void> {
    const { accounts } = await must(client.GET("/api/admin/accounts"));
    fill(list, accounts.map(item));
    count.textContent = accounts.length === 0 ? "No service accounts yet." : `${accounts.length} account${accounts.length === 1 ? "" : "s"}.`;
  }

  const name = h("input", { id: "account-name", required: true, maxlength: 200, autocomplete: "off" });
  const device = h("input", { id: "account-device", maxlength: 128, pattern: "[A-Za-z0-9_.:\\-]{1,128}", autocomplete: "off" });
  const boxes = SCOPES.map((scope) => h("input", { type: "checkbox", name: "scope", value: scope, id: `scope-${scope.replace(":", "-")}` }));
  const create = h(
    "form",
    { class: "account-create", "aria-labelledby": "account-create" },
    h("h2", { id: "account-create" }, "New service account"),
    h("label", { for: "account-name" }, "Name"),
    name,
    h(
      "fieldset",
      { class: "scopes" },
      h("legend", {}, "Scopes"),
      boxes.map((box) => h("label", { class: "check" }, box, box.value)),
    ),
    h("label", { for: "account-device" }, "Device key (optional)"),
    device,
    h("p", { class: "muted hint" }, 'A device-bound account carries "device" alone; its tokens speak for that device.'),
    h("button", { type: "submit" }, "Create account"),
  );
  create.addEventListener("submit", async (e) => {
    e.preventDefault();
    const scopes = boxes.filter((b) => b.checked).map((b) => b.value as AccountScope);
    try {
      const made = await must(
        client.POST("/api/admin/accounts", { body: { name: name.value.trim(), scopes, device_key: device.value.trim() || null } }),
      );
      create.reset();
      clearAnnouncement();
      showSecret(made, "Account created");
      await load();
    } catch (err) {
      announce((err as Error).message);
    }
  });

  load().catch((err) => announce((err as Error).message));
  return h(
    "section",
    { class: "console accounts-section" },
    h("h1", { tabindex: -1 }, "Accounts"),
    reveal,
    h("h2", { id: "accounts-list" }, "Service accounts"),
    count,
    list,
    create,
  );
}
