/**
 * Finds the full SHA-256 of the ELF a coredump needs. The dump's own prefix
 * wins when exactly one stored ELF starts with it; otherwise the version the
 * device reported decides, but only if its ELF agrees with the prefix (a
 * dump that names another build must not be read against this one).
 */
export async function matchElf(
  d1: D1Database,
  input: { modelKey: string; prefix: string | null; reportedVersion: string | null },
): Promise<string | null> {
  const { prefix } = input;
  if (prefix) {
    const { results } = await d1
      .prepare("SELECT DISTINCT app_elf_sha256 FROM firmware_versions WHERE substr(app_elf_sha256, 1, length(?1)) = ?1 LIMIT 2")
      .bind(prefix)
      .all<{ app_elf_sha256: string }>();
    if (results.length === 1) return results[0]!.app_elf_sha256;
  }
  if (!input.reportedVersion) return null;
  const row = await d1
    .prepare("SELECT app_elf_sha256 FROM firmware_versions WHERE model_key = ?1 AND version = ?2")
    .bind(input.modelKey, input.reportedVersion)
    .first<{ app_elf_sha256: string }>();
  if (!row) return null;
  return prefix === null || row.app_elf_sha256.startsWith(prefix) ? row.app_elf_sha256 : null;
}
