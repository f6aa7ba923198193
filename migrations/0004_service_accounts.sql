-- Service accounts: machine clients that trade a client_id and secret for a
-- short-lived JWT at POST /api/oauth/token (RFC 6749 §4.4).
CREATE TABLE service_accounts (
  client_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  -- Space-separated, as in the token's `scope` claim (RFC 6749 §3.3).
  scopes TEXT NOT NULL,
  -- Set for an account bound to one device: its tokens carry sub = this key.
  device_key TEXT UNIQUE,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  rotated_at TEXT,
  last_used_at TEXT
);

-- At most two live secrets per account, so a secret can be rotated without
-- downtime. Only a salted PBKDF2-SHA256 hash is kept: "pbkdf2-sha256$<iterations>$<salt>$<hash>".
CREATE TABLE service_account_secrets (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  client_id TEXT NOT NULL REFERENCES service_accounts(client_id) ON DELETE CASCADE,
  hash TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX service_account_secrets_client ON service_account_secrets (client_id, id);

-- Operator settings changed at runtime (today: storage_mode), read through a short per-isolate cache.
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
