-- Staged rollouts (src/firmware/rollouts): device tags and groups, rollouts of a firmware
-- version to a model or a group in stages, and what each device was offered and reported.

-- A device's tags: a JSON array of short lowercase tokens, sorted and unique (src/firmware/rollouts/schemas.ts).
ALTER TABLE devices ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
-- A pinned device is offered exactly this version, or nothing (src/firmware/ota.ts).
ALTER TABLE devices ADD COLUMN pinned_version TEXT;

-- A group: a saved tag filter within a model; a device is in it when it carries every one of the tags.
CREATE TABLE device_groups (
  model_key TEXT NOT NULL REFERENCES device_models(key) ON DELETE CASCADE,
  key TEXT NOT NULL,
  tags TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (model_key, key)
);

CREATE TABLE rollouts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  model_key TEXT NOT NULL REFERENCES device_models(key) ON DELETE CASCADE,
  -- Null: every device of the model. Otherwise the group's key, and its tags as they were when the
  -- rollout was created (a group edited or deleted later does not move devices in or out of it).
  group_key TEXT,
  group_tags TEXT,
  -- What "at most one running rollout" is about: the model's key, or "<model>/<group>".
  target TEXT NOT NULL,
  version TEXT NOT NULL,
  -- A rollback offers an older version, with allow_downgrade in the offer.
  rollback INTEGER NOT NULL DEFAULT 0,
  state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'running', 'paused', 'halted', 'finished', 'cancelled')),
  -- Each stage's cumulative share of the target in basis points (0 to 10000), or null for a list of named
  -- devices: a JSON array, one entry per stage, so an OTA check places a device without reading the stages.
  plan TEXT NOT NULL,
  -- The highest stage open so far (-1 before the start); every stage up to it is offered the version.
  open_stage INTEGER NOT NULL DEFAULT -1,
  halt_reason TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
-- The database, not the code, keeps one running rollout per target: two starts at once meet here.
CREATE UNIQUE INDEX rollouts_one_running ON rollouts (target) WHERE state = 'running';
-- An OTA check reads the started rollouts of the device's model, newest first.
CREATE INDEX rollouts_by_model ON rollouts (model_key, id);

CREATE TABLE rollout_stages (
  rollout_id INTEGER NOT NULL REFERENCES rollouts(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  -- Cumulative share in basis points, or null when the stage is a list of named devices.
  percent_bp INTEGER,
  devices TEXT,
  min_soak_seconds INTEGER NOT NULL,
  max_failure_ratio REAL NOT NULL,
  -- Reports a stage needs (success + failure) before its failure ratio may halt the rollout or open the next stage.
  min_sample INTEGER NOT NULL,
  opened_at TEXT,
  -- Kept by each offer and report (src/firmware/rollouts/reports.ts), never counted over devices:
  -- offered is every device offered the version; the others are devices whose last report says so.
  offered INTEGER NOT NULL DEFAULT 0,
  downloading INTEGER NOT NULL DEFAULT 0,
  installing INTEGER NOT NULL DEFAULT 0,
  rebooted INTEGER NOT NULL DEFAULT 0,
  success INTEGER NOT NULL DEFAULT 0,
  failure INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (rollout_id, idx)
);

-- A device's part in a rollout: written for named devices when the rollout is created (status null),
-- for the others at their first offer.
CREATE TABLE rollout_devices (
  rollout_id INTEGER NOT NULL REFERENCES rollouts(id) ON DELETE CASCADE,
  device_key TEXT NOT NULL REFERENCES devices(key) ON DELETE CASCADE,
  stage INTEGER NOT NULL,
  status TEXT CHECK (status IN ('offered', 'downloading', 'installing', 'rebooted', 'success', 'failure')),
  offered_at TEXT,
  updated_at TEXT,
  reason_code TEXT,
  reason TEXT,
  PRIMARY KEY (rollout_id, device_key)
);
-- A device's rollouts, newest first (its reports, its coredumps).
CREATE INDEX rollout_devices_by_device ON rollout_devices (device_key, rollout_id);
