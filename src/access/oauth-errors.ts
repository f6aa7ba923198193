/**
 * The token endpoint's errors, in the form RFC 6749 §5.2 prescribes
 * (`{"error", "error_description"}` as application/json), not problem+json:
 * OAuth client libraries parse exactly this shape.
 */
const oauthErrors = {
  invalid_request: 400,
  invalid_client: 401,
  invalid_scope: 400,
  unsupported_grant_type: 400,
  // RFC 8628 §3.5 registers slow_down for the token endpoint: "back off", here with Retry-After.
  slow_down: 429,
  server_error: 503,
} as const;

export type OAuthErrorCode = keyof typeof oauthErrors;

export class OAuthError extends Error {
  constructor(
    readonly code: OAuthErrorCode,
    description: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(description);
  }
}

/** RFC 6749 §5.1: token responses, good or bad, are never stored by a cache. */
export const NO_STORE = { "Cache-Control": "no-store", Pragma: "no-cache" };

export function oauthErrorResponse(error: OAuthError): Response {
  const status = oauthErrors[error.code];
  // §5.2: a failed client authentication answers 401 with the scheme the client may use.
  const challenge: Record<string, string> = status === 401 ? { "WWW-Authenticate": 'Basic realm="cas-edge", charset="UTF-8"' } : {};
  return Response.json({ error: error.code, error_description: error.message }, { status, headers: { ...challenge, ...error.headers, ...NO_STORE } });
}
