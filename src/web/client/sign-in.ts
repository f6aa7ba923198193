import { ApiError, session } from "./api";
import { client } from "./api-client";
import { announce, h } from "./dom";
import { loadWhoami } from "./whoami";

/** Keeps `token` for the tab once the worker has said who it is (a token it refuses is never kept). */
async function keep(token: string, onSignedIn: () => void): Promise<void> {
  await loadWhoami(token);
  session.signIn(token);
  onSignedIn();
}

/**
 * A service account's client id and secret exchanged for a JWT at the token
 * endpoint (RFC 6749 §4.4, form body). Only the JWT is kept, like a pasted
 * token; the secret stays in the field until it is cleared here.
 */
async function tokenFor(clientId: string, secret: string): Promise<string> {
  const { data, error, response } = await client
    .POST("/api/oauth/token", {
      body: { grant_type: "client_credentials", client_id: clientId, client_secret: secret },
      bodySerializer: (body) => new URLSearchParams(body as Record<string, string>),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    })
    .catch(() => {
      throw new ApiError(0, "The server could not be reached. Check the connection and try again.");
    });
  if (data) return data.access_token;
  // The token endpoint answers RFC 6749 §5.2 errors, not problem+json.
  const oauth = error as { error?: string; error_description?: string } | undefined;
  throw new ApiError(response.status, oauth?.error_description || oauth?.error || `The server answered ${response.status}.`);
}

function failed(err: unknown, field: HTMLInputElement): void {
  announce(err instanceof ApiError ? err.message : String(err));
  field.focus();
}

/**
 * Asks for a bearer token once per tab: a pasted token (static or a
 * service-account JWT), or a service account's client id and secret, which
 * the page trades for a JWT. Either is kept in sessionStorage only.
 */
export function signInView(onSignedIn: () => void, reason?: string): HTMLElement {
  const input = h("input", { id: "token", type: "password", autocomplete: "off", required: true, spellcheck: "false" });
  const tokenForm = h(
    "form",
    { class: "sign-in" },
    h("h1", {}, "Sign in"),
    h("p", {}, "Paste an API token. It is kept in this tab only (sessionStorage) and sent in the Authorization header."),
    h("label", { for: "token" }, "API token"),
    input,
    h("button", { type: "submit" }, "Sign in"),
  );
  tokenForm.addEventListener("submit", (e) => {
    e.preventDefault();
    keep(input.value.trim(), onSignedIn).catch((err) => failed(err, input));
  });

  const clientId = h("input", { id: "client-id", autocomplete: "username", required: true, spellcheck: "false" });
  const secret = h("input", { id: "client-secret", type: "password", autocomplete: "off", required: true, spellcheck: "false" });
  const accountForm = h(
    "form",
    { class: "sign-in", "aria-labelledby": "account-sign-in" },
    h("h2", { id: "account-sign-in" }, "Or with a service account"),
    h("p", { class: "muted" }, "The page asks the token endpoint for a short-lived token; the secret is not kept."),
    h("label", { for: "client-id" }, "Client ID"),
    clientId,
    h("label", { for: "client-secret" }, "Client secret"),
    secret,
    h("button", { type: "submit" }, "Use client credentials"),
  );
  accountForm.addEventListener("submit", (e) => {
    e.preventDefault();
    tokenFor(clientId.value.trim(), secret.value)
      .then((token) => {
        secret.value = "";
        return keep(token, onSignedIn);
      })
      .catch((err) => failed(err, secret));
  });

  queueMicrotask(() => {
    if (reason) announce(reason);
    input.focus();
  });
  return h("div", { class: "sign-in-options" }, tokenForm, accountForm);
}
