-- esp_app_desc_t.secure_version of each build: the anti-rollback counter a device's bootloader
-- (CONFIG_BOOTLOADER_APP_ANTI_ROLLBACK) compares with its eFuse. Signed OTA manifests carry it, so a
-- device refuses a build below its own before downloading it. NULL for builds stored before this
-- column: the descriptor was not kept, and a manifest then omits the field rather than guess.
ALTER TABLE firmware_versions ADD COLUMN security_version INTEGER CHECK (security_version IS NULL OR security_version >= 0);
