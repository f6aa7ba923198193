import { ApiError, session } from "./api";
import { announce, h } from "./dom";
import { loadWhoami } from "./whoami";

/** Asks for a bearer token once per tab: an API token now, a service-account token works the same way. */
export function signInView(onSignedIn: () => void, reason?: string): HTMLElement {
  const input = h("input", { id: "token", type: "password", autocomplete: "off", required: true, spellcheck: "false" });
  const form = h(
    "form",
    { class: "sign-in" },
    h("h1", {}, "Sign in"),
    h("p", {}, "Paste an API token. It is kept in this tab only (sessionStorage) and sent in the Authorization header."),
    h("label", { for: "token" }, "API token"),
    input,
    h("button", { type: "submit" }, "Sign in"),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const token = input.value.trim();
    try {
      await loadWhoami(token);
      session.signIn(token);
      onSignedIn();
    } catch (err) {
      announce(err instanceof ApiError ? err.message : String(err));
      input.focus();
    }
  });
  queueMicrotask(() => {
    if (reason) announce(reason);
    input.focus();
  });
  return form;
}
