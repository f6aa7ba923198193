-- Device models, their firmware builds, devices, and the crash dumps devices send.
-- Every artifact and dump is a CAS blob (cas/<sha256>); these rows say what they mean.
CREATE TABLE device_models (
  key TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- One row per (model, version), read from the app image's esp_app_desc_t.
CREATE TABLE firmware_versions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  model_key TEXT NOT NULL REFERENCES device_models(key) ON DELETE CASCADE,
  version TEXT NOT NULL,
  project_name TEXT NOT NULL,
  idf_ver TEXT NOT NULL,
  build_date TEXT NOT NULL,
  build_time TEXT NOT NULL,
  -- The app's ELF SHA-256 as embedded in the image; the .elf artifact hashes to it.
  app_elf_sha256 TEXT NOT NULL CHECK (length(app_elf_sha256) = 64 AND app_elf_sha256 NOT GLOB '*[^0-9a-f]*'),
  -- OTA offers served (the binary itself comes from the CAS GET path, which keeps no counts).
  downloads INTEGER NOT NULL DEFAULT 0,
  uploaded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (model_key, version)
);
-- Newest versions of a model first (OTA, retention).
CREATE INDEX firmware_versions_by_model ON firmware_versions (model_key, id);
-- Coredumps find their ELF by (a prefix of) its hash.
CREATE INDEX firmware_versions_by_elf ON firmware_versions (app_elf_sha256);

-- The files of one firmware version's ZIP, each a CAS blob.
CREATE TABLE firmware_artifacts (
  firmware_id INTEGER NOT NULL REFERENCES firmware_versions(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('app', 'elf', 'map', 'bootloader', 'partition_table', 'version_json', 'other')),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  size INTEGER NOT NULL,
  PRIMARY KEY (firmware_id, name)
);
CREATE INDEX firmware_artifacts_by_sha256 ON firmware_artifacts (sha256);

CREATE TABLE devices (
  key TEXT PRIMARY KEY,
  model_key TEXT NOT NULL REFERENCES device_models(key),
  name TEXT,
  -- The firmware version the device last reported running (OTA check or coredump upload).
  firmware_version TEXT,
  last_seen_at TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE coredumps (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  device_key TEXT NOT NULL REFERENCES devices(key) ON DELETE CASCADE,
  received_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  size INTEGER NOT NULL,
  -- What the device said it runs, and the ELF hash prefix the dump itself carries (if any).
  firmware_version TEXT,
  elf_sha256_prefix TEXT,
  -- The full hash of the ELF this dump was matched to; null while unmatched.
  app_elf_sha256 TEXT,
  status TEXT NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'PARSED', 'FAILED')),
  parse_result TEXT,
  parsed_at TEXT,
  -- A parser's claim: whoever holds lease_id until lease_expires_at (ms since epoch).
  lease_id TEXT,
  lease_holder TEXT,
  lease_expires_at INTEGER,
  attempts INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX coredumps_by_device ON coredumps (device_key, id);
-- The parse queue, oldest first.
CREATE INDEX coredumps_pending ON coredumps (id) WHERE status = 'PENDING';
CREATE INDEX coredumps_by_sha256 ON coredumps (sha256);

-- The one answer to "who references this blob", now with firmware artifacts and coredumps.
DROP VIEW blob_references;
CREATE VIEW blob_references (hash, referrer) AS
  SELECT sha256, 'attachment' FROM part_attachments WHERE sha256 IS NOT NULL
  UNION ALL
  SELECT sha256, 'firmware_artifact' FROM firmware_artifacts
  UNION ALL
  SELECT sha256, 'coredump' FROM coredumps;
