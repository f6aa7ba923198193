-- The operator console pages through devices (optionally of one model) and through the coredump queue
-- (optionally of one status) by cursor: each page is an index range read that stops after the page.
-- devices(key) is already the primary key; coredumps(device_key, id) is coredumps_by_device.
CREATE INDEX devices_by_model ON devices (model_key, key);
CREATE INDEX coredumps_by_status ON coredumps (status, id);
