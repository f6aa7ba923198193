import { ApiError, session, tokenExpiry } from "./api";
import { SECTIONS } from "./console/sections";
import { announce, clearAnnouncement, fill, h } from "./dom";
import { modeBanner } from "./mode-banner";
import { partPageView } from "./part-page";
import { partsListView } from "./parts-list";
import { signInView } from "./sign-in";
import { forgetWhoami, loadWhoami, may, type Whoami, whoami } from "./whoami";

/**
 * The page: a parts list at /, a part at /parts/:key and the operator
 * console at /console/:section, rendered in the browser from the REST API
 * (the token never reaches the server's HTML). What a token may not use is
 * not shown: the navigation comes from GET /api/whoami. Links marked
 * data-nav change the view without reloading the page.
 */
const main = document.getElementById("main")!;
const account = document.getElementById("account")!;
const nav = document.getElementById("site-nav")!;
const banner = document.getElementById("banner")!;

function navigate(path: string): void {
  history.pushState(null, "", path);
  void render();
}

function navLink(href: string, label: string, current: boolean): HTMLAnchorElement {
  return h("a", { href, "data-nav": true, "aria-current": current ? "page" : null }, label);
}

/** The sections this token opens: the parts catalogue, then each console section it has the grant for. */
function drawHeader(me: Whoami | null): void {
  const path = location.pathname;
  const links = me
    ? [
        may("parts:read") && navLink("/", "Parts", !path.startsWith("/console/")),
        ...SECTIONS.filter((s) => may(s.needs)).map((s) => navLink(`/console/${s.id}`, s.title, path === `/console/${s.id}`)),
      ]
    : [];
  fill(nav, ...links, h("a", { href: "/api/docs" }, "API reference"));
  fill(banner, me ? modeBanner(me.mode) : null);
  if (!me) {
    fill(account);
    return;
  }
  const signOut = h("button", { type: "button", class: "sign-out" }, "Sign out");
  signOut.addEventListener("click", () => {
    session.signOut();
    forgetWhoami();
    void render();
  });
  fill(account, h("span", { class: "who", title: me.granted.join(" ") }, me.sub), signOut);
}

async function consoleView(id: string, me: Whoami): Promise<HTMLElement> {
  const section = SECTIONS.find((s) => s.id === id);
  if (!section) return h("section", {}, h("h1", { tabindex: -1 }, "No such page"), h("p", {}, "The console has no section by that name."));
  if (!may(section.needs)) {
    return h(
      "section",
      {},
      h("h1", { tabindex: -1 }, section.title),
      h("p", {}, `This token lacks the scope "${section.needs}" this section needs.`),
    );
  }
  const { render } = await section.load();
  return render({ whoami: me, may, navigate, refresh: async () => void (await loadWhoami()) });
}

/** What a signed-in token sees at the path it opened. */
async function view(me: Whoami): Promise<HTMLElement> {
  const consoleMatch = /^\/console\/([a-z-]{1,32})\/?$/.exec(location.pathname);
  if (consoleMatch) {
    document.title = `${SECTIONS.find((s) => s.id === consoleMatch[1])?.title ?? "Console"} · cas-edge`;
    return consoleView(consoleMatch[1]!, me);
  }
  document.title = "Parts · cas-edge";
  if (!may("parts:read")) {
    const first = SECTIONS.find((s) => may(s.needs));
    return h(
      "section",
      {},
      h("h1", { tabindex: -1 }, "Parts"),
      h("p", {}, 'This token lacks the scope "parts:read" the parts catalogue needs.'),
      first ? h("p", {}, "It opens ", h("a", { href: `/console/${first.id}`, "data-nav": true }, first.title), ".") : null,
    );
  }
  const partMatch = /^\/parts\/([a-z0-9]{1,32})\/?$/.exec(location.pathname);
  return partMatch ? partPageView(partMatch[1]!) : partsListView(navigate);
}

let expiryTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Signs the tab out when its JWT runs out, saying so, instead of leaving a
 * page whose next call fails. A static token has no expiry. (setTimeout
 * holds at most 2^31-1 ms: a later expiry is checked again then.)
 */
function watchExpiry(): void {
  clearTimeout(expiryTimer);
  const token = session.token;
  const at = token ? tokenExpiry(token) : null;
  if (at === null) return;
  const left = at - Date.now();
  expiryTimer = setTimeout(
    () => {
      if (Date.now() < at) return watchExpiry();
      session.signOut();
      const time = new Date(at).toLocaleTimeString();
      window.dispatchEvent(new CustomEvent("signed-out", { detail: `The sign-in expired at ${time}: sign in again.` }));
    },
    Math.min(Math.max(left, 0), 2 ** 31 - 1),
  );
}

async function render(reason?: string): Promise<void> {
  clearAnnouncement();
  watchExpiry();
  if (!session.token) {
    drawHeader(null);
    fill(
      main,
      signInView(() => void render(), reason),
    );
    return;
  }
  let me = whoami();
  try {
    me ??= await loadWhoami();
  } catch (err) {
    // A 401 has signed the tab out already ("signed-out" redraws); anything else is said where the page would be.
    if (err instanceof ApiError && err.status === 401) return;
    drawHeader(null);
    fill(main, h("section", {}, h("h1", { tabindex: -1 }, "cas-edge"), h("p", {}, (err as Error).message)));
    return;
  }
  drawHeader(me);
  try {
    fill(main, await view(me));
  } catch (err) {
    announce(err instanceof Error ? err.message : String(err));
  }
  main.querySelector("h1")?.focus();
}

document.addEventListener("click", (e) => {
  const link = (e.target as Element).closest?.("a[data-nav]") as HTMLAnchorElement | null;
  if (!link || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  navigate(link.getAttribute("href")!);
});
window.addEventListener("popstate", () => void render());
window.addEventListener("signed-out", (e) => {
  forgetWhoami();
  void render((e as CustomEvent<string>).detail);
});
// A section that changed what /api/whoami answers (the storage mode) redraws the header.
window.addEventListener("whoami", () => drawHeader(whoami()));
void render();
