import { type ParseArgsConfig, parseArgs } from "node:util";

/**
 * The operator scripts' command line (accounts, rollouts): options and
 * positionals by `parseArgs`, with the scripts' exit codes. A malformed
 * line prints why and the usage, exit 2; --help prints the usage, exit 0;
 * no command prints it, exit 2. `options` should hold `help` (-h).
 */
export function commandLine<T extends ParseArgsConfig & { allowPositionals: true }>(usage: string, config: T) {
  let parsed: ReturnType<typeof parseArgs<T>>;
  try {
    parsed = parseArgs(config);
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${usage}`);
    process.exit(2);
  }
  const help = (parsed.values as { help?: boolean }).help === true;
  if (help || parsed.positionals[0] === undefined) {
    console.log(usage);
    process.exit(help ? 0 : 2);
  }
  return parsed;
}

/** A usage mistake the script finds itself: why, then the usage, exit 2. */
export function usageError(usage: string, message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}
