import { KiB, readBoundedBody } from "../http/bounded-body";
import { OAuthError } from "./oauth-errors";

export interface ClientCredentialsRequest {
  clientId: string;
  secret: string;
  /** The scopes asked for, or null to get all of the account's. */
  scope: string[] | null;
}

// Anyone may call the token endpoint: its form (a grant type, a scope list and
// at most a client id and secret) is read with this cap, not whatever was sent.
export const TOKEN_FORM_BYTES = 4 * KiB;

/** RFC 6749 §2.3.1: Basic credentials are form-urlencoded before base64. */
function formDecode(value: string): string {
  return decodeURIComponent(value.replaceAll("+", " "));
}

function basicCredentials(header: string | undefined): { clientId: string; secret: string } | null {
  const match = /^Basic[ ]+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "");
  if (!match) return null;
  try {
    const decoded = atob(match[1]!);
    const colon = decoded.indexOf(":");
    if (colon < 0) return null;
    return { clientId: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) };
  } catch {
    return null;
  }
}

/**
 * Reads a client credentials grant (RFC 6749 §4.4.2): a form body with
 * grant_type=client_credentials and an optional scope; the client
 * authenticates by HTTP Basic or by client_id/client_secret in the body,
 * never both (§2.3).
 */
export async function readClientCredentials(request: Request): Promise<ClientCredentialsRequest> {
  const type = request.headers.get("Content-Type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") {
    throw new OAuthError("invalid_request", "The body must be application/x-www-form-urlencoded.");
  }
  // Decoded by hand: workerd warns about .text() on a form body. Over the cap: a 413 problem, before or while reading.
  const bytes = await readBoundedBody(request, TOKEN_FORM_BYTES);
  const form = new URLSearchParams(new TextDecoder().decode(bytes));
  for (const name of new Set(form.keys())) {
    // §3.2: parameters must not be repeated.
    if (form.getAll(name).length > 1) throw new OAuthError("invalid_request", `"${name}" is given more than once.`);
  }

  const grantType = form.get("grant_type");
  if (!grantType) throw new OAuthError("invalid_request", `"grant_type" is required.`);
  if (grantType !== "client_credentials") throw new OAuthError("unsupported_grant_type", `Only "client_credentials" is supported.`);

  const authorization = request.headers.get("Authorization") ?? undefined;
  const basic = basicCredentials(authorization);
  const inBody = form.has("client_id") || form.has("client_secret");
  if (authorization !== undefined && basic === null) throw new OAuthError("invalid_client", "The Authorization header is not valid HTTP Basic.");
  if (basic && inBody) throw new OAuthError("invalid_request", "Use HTTP Basic or the body for client credentials, not both.");
  const clientId = basic?.clientId ?? form.get("client_id") ?? "";
  const secret = basic?.secret ?? form.get("client_secret") ?? "";
  if (!clientId || !secret) throw new OAuthError("invalid_client", "client_id and client_secret are required.");

  const scope = form.get("scope");
  return { clientId, secret, scope: scope === null ? null : scope.split(" ").filter((s) => s.length > 0) };
}
