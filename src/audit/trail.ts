import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AuditDetail } from "../db/schema";
import type { AppEnv } from "../env";
import { toAppError } from "../errors";
import { writeAudit } from "./record";

/**
 * Writes the audit row of every request to a route the policy table names an
 * audit action for. Mounted right after the access guard, so a request the
 * guard refused (401, 403, the storage mode, no such route) never gets here:
 * the request log has those. The row is written once the handler has
 * answered (errors included: onError has already turned them into problems)
 * and awaited before the answer leaves, so an operator holding an answer
 * finds its row; a write that fails is logged and the answer goes out as the
 * action went (`writeAudit`).
 */
export const auditTrail = createMiddleware<AppEnv>(async (c, next) => {
  const route = c.var.route;
  const action = route.policy?.audit;
  if (route.policy === undefined || action === undefined) return next();
  const { params } = route;
  await next();
  await writeAudit(c.env.DB, {
    sub: c.var.principal?.sub ?? "anonymous",
    action,
    target: targetOf(params),
    requestId: c.var.requestId,
    status: c.res.status,
    error: c.error ? toAppError(c.error).code : null,
    detail: c.var.auditDetail ?? null,
  });
});

/** Figures a handler adds to its request's audit row: counts, a mode, versions; never a body's text or a secret. */
export function noteAudit(c: Context<AppEnv>, detail: AuditDetail): void {
  c.set("auditDetail", detail);
}

/** The route's parameters, decoded as a handler sees them (`c.req.param`); a malformed escape is kept as sent. */
function targetOf(params: Readonly<Record<string, string>>): Record<string, string> | null {
  const entries = Object.entries(params);
  if (entries.length === 0) return null;
  return Object.fromEntries(entries.map(([name, value]) => [name, decoded(value)]));
}

function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
