import { session } from "./api";
import { clearAnnouncement, fill, h } from "./dom";
import { partPageView } from "./part-page";
import { partsListView } from "./parts-list";
import { signInView } from "./sign-in";

/**
 * The page: a parts list at / and a part at /parts/:key, rendered in the
 * browser from the REST API (the token never reaches the server's HTML).
 * Links marked data-nav change the view without reloading the page.
 */
const main = document.getElementById("main")!;
const account = document.getElementById("account")!;

function navigate(path: string): void {
  history.pushState(null, "", path);
  render();
}

function render(reason?: string): void {
  clearAnnouncement();
  if (!session.token) {
    fill(account);
    fill(
      main,
      signInView(() => render(), reason),
    );
    return;
  }
  const signOut = h("button", { type: "button" }, "Sign out");
  signOut.addEventListener("click", () => {
    session.signOut();
    render();
  });
  fill(account, signOut);
  const match = /^\/parts\/([a-z0-9]{1,32})\/?$/.exec(location.pathname);
  document.title = "Parts · cas-edge";
  fill(main, match ? partPageView(match[1]!) : partsListView(navigate));
  main.querySelector("h1")?.focus();
}

document.addEventListener("click", (e) => {
  const link = (e.target as Element).closest?.("a[data-nav]") as HTMLAnchorElement | null;
  if (!link || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  navigate(link.getAttribute("href")!);
});
window.addEventListener("popstate", () => render());
window.addEventListener("signed-out", (e) => render((e as CustomEvent<string>).detail));
render();
