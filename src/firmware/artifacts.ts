import type { ContentHash } from "../blobs/keys";
import { AppError } from "../errors";
import { type AppDescriptor, readAppDescriptor } from "./esp-idf/app-image";
import { FIRMWARE_VERSION_RULE, isFirmwareVersion } from "./schemas";
import type { CompleteEntry } from "./staging";
import { baseName } from "./zip/names";

export const ARTIFACT_KINDS = ["app", "elf", "map", "bootloader", "partition_table", "version_json", "other"] as const;
export type ArtifactKind = (typeof ARTIFACT_KINDS)[number];

export interface CheckedArtifact {
  name: string;
  kind: ArtifactKind;
  hash: ContentHash;
  size: number;
}

export interface CheckedBuild {
  descriptor: AppDescriptor;
  artifacts: CheckedArtifact[];
}

/** What an ESP-IDF build-tree file is, from its name alone. */
function guessKind(name: string): ArtifactKind {
  const base = baseName(name).toLowerCase();
  if (base === "bootloader.bin") return "bootloader";
  if (base === "partition-table.bin") return "partition_table";
  if (base === "version.json") return "version_json";
  // The bootloader has its own .elf and .map; the app's are the ones that matter here.
  if (base.startsWith("bootloader.")) return "other";
  if (base === "ota_data_initial.bin") return "other";
  if (base.endsWith(".elf")) return "elf";
  if (base.endsWith(".map")) return "map";
  if (base.endsWith(".bin")) return "app";
  return "other";
}

export function contentTypeOf(kind: ArtifactKind, name: string): string {
  if (kind === "version_json") return "application/json";
  if (kind === "map" || name.endsWith(".txt")) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

/**
 * Decides which staged entry is the app image and which is its ELF: the app
 * is the one .bin (not the bootloader or partition table) whose descriptor
 * reads, the ELF the .elf whose SHA-256 the descriptor names.
 */
export function checkBuild(entries: CompleteEntry[]): CheckedBuild {
  const guessed = entries.map((e) => ({ entry: e, kind: guessKind(e.name) }));
  const binaries = guessed.filter((g) => g.kind === "app");
  if (binaries.length === 0)
    throw new AppError("unprocessable", "The archive holds no app image (.bin other than bootloader.bin and partition-table.bin).");

  let app: { entry: CompleteEntry; descriptor: AppDescriptor } | undefined;
  let firstError: unknown;
  for (const candidate of binaries) {
    try {
      const descriptor = readAppDescriptor(candidate.entry.head, candidate.entry.name);
      if (app) throw new AppError("unprocessable", `Two app images: "${app.entry.name}" and "${candidate.entry.name}".`);
      app = { entry: candidate.entry, descriptor };
    } catch (err) {
      if (err instanceof AppError && err.message.startsWith("Two app images")) throw err;
      firstError ??= err;
    }
  }
  if (!app) throw firstError;
  const { version } = app.descriptor;
  if (!isFirmwareVersion(version)) {
    throw new AppError(
      "unprocessable",
      `${app.entry.name}: version "${version}" is not a firmware version this store accepts (${FIRMWARE_VERSION_RULE}).`,
    );
  }

  const elves = guessed.filter((g) => g.kind === "elf");
  if (elves.length === 0) throw new AppError("unprocessable", "The archive holds no .elf file; coredumps cannot be read without it.");
  const elf = elves.find((g) => g.entry.hash === app.descriptor.appElfSha256);
  if (!elf) {
    throw new AppError(
      "unprocessable",
      `No .elf in the archive hashes to the app's app_elf_sha256 ${app.descriptor.appElfSha256} (${elves.map((e) => `${e.entry.name}: ${e.entry.hash}`).join(", ")}).`,
    );
  }
  let mapSeen = false;
  const artifacts = guessed.map(({ entry, kind }): CheckedArtifact => {
    let final: ArtifactKind = kind;
    if (kind === "app" && entry !== app.entry) final = "other";
    if (kind === "elf" && entry !== elf.entry) final = "other";
    if (kind === "map") final = mapSeen ? "other" : ((mapSeen = true), "map");
    return { name: entry.name, kind: final, hash: entry.hash, size: entry.size };
  });
  return { descriptor: app.descriptor, artifacts };
}
