import { config } from "../config";
import type { Database } from "../db/client";
import { checkBuild, contentTypeOf } from "./artifacts";
import { getModel } from "./catalog";
import { type CompleteEntry, completed, discardStaging, promote, type StagedEntry, stagingSink } from "./staging";
import { findFirmware, pruneFirmware, recordFirmware, settleExisting } from "./versions";
import type { ZipLimits } from "./zip/reader";
import { readZip } from "./zip/reader";

const MiB = 1024 * 1024;
const PROMOTE_CONCURRENCY = 4;

export function zipLimits(env: Env): ZipLimits {
  return {
    maxArchiveBytes: config(env).maxFirmwareZipBytes,
    maxTotalBytes: config(env).maxFirmwareUnzippedBytes,
    maxEntries: 64,
    maxRatio: 100,
    ratioFloor: MiB,
  };
}

/**
 * A firmware ZIP, start to finish: stream it through the unzipper into
 * staging, check the build (app descriptor, ELF hash), and only then store
 * the artifacts in private/cas/ and record the version. Any refusal leaves no row
 * and no blob; staging objects are removed whatever happens.
 */
export async function uploadFirmware(env: Env, db: Database, modelKey: string, body: ReadableStream<Uint8Array>) {
  await getModel(db, modelKey);
  const staged = new Map<string, StagedEntry>();
  try {
    await readZip(body, zipLimits(env), (entry) => stagingSink(env.BUCKET, entry, (s) => staged.set(s.name, s)));
    const entries = new Map<string, CompleteEntry>(completed(staged.values()).map((e) => [e.name, e]));
    const build = checkBuild([...entries.values()]);
    const existing = await findFirmware(db, modelKey, build.descriptor.version);
    if (existing) return { ...settleExisting(existing, build), pruned: [] as string[] };
    // A few copies at a time: the app and its ELF, the big ones, move side by side.
    const queue = [...build.artifacts].sort((a, b) => b.size - a.size);
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift())
        await promote(env.BUCKET, env.DB, entries.get(next.name)!, contentTypeOf(next.kind, next.name));
    };
    await Promise.all(Array.from({ length: PROMOTE_CONCURRENCY }, worker));
    const result = await recordFirmware(db, env.DB, modelKey, build);
    const pruned = result.created ? await pruneFirmware(env.DB, modelKey, config(env).maxFirmwares) : [];
    return { ...result, pruned };
  } finally {
    await discardStaging(env.BUCKET, staged.values());
  }
}
