-- The audit trail (src/audit): one row per admin or destructive action, written by the request
-- that did it (after its handler answered, before the answer left) or by a cron run.
CREATE TABLE audit_log (
  -- AUTOINCREMENT: an id is never handed out twice, even after retention deleted the newest rows.
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  -- When the row was written, ISO 8601 UTC with milliseconds (sorts as text).
  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  -- Who: the caller the access guard let in (a service account's client_id, a device key,
  -- static:<TOKEN_NAME>), or "cron".
  sub TEXT NOT NULL,
  -- What: a stable dotted name (accounts.rotate, parts.delete, gc.run…; the policy table names a route's).
  action TEXT NOT NULL,
  -- On what: the route's path parameters as a JSON object ({"key":"abc"}); never a body or query string.
  target TEXT,
  request_id TEXT,
  -- The outcome: the HTTP status and, on an error, its problem code (a cron run has no status,
  -- and its error is why it failed).
  status INTEGER,
  error TEXT,
  -- A small JSON object of figures (a cron run's counts, the versions an upload pruned), bounded by the writer.
  detail TEXT
);
-- Newest first, overall and by who or what; retention deletes from the old end of the first.
CREATE INDEX audit_log_by_at ON audit_log (at, id);
CREATE INDEX audit_log_by_sub ON audit_log (sub, at, id);
CREATE INDEX audit_log_by_action ON audit_log (action, at, id);
