import { InvalidArgumentError, type Command } from "commander";
import { parseBytes, type CacheOptions } from "../cache/cache-settings";

/** The values of the options `cacheOptions` adds, as commander gives them. */
export interface CacheOptionValues {
  /** `false` with `--no-cache`. */
  cache?: boolean;
  cacheDir?: string;
  cacheMaxBytes?: number;
}

/**
 * Adds `--cache-dir`, `--cache-max-bytes` and `--no-cache` to a command that loads logs (read them with
 * `cacheFromOptions`; `loadFilteredTables` does). Imports nothing heavy.
 *
 * @example cacheOptions(new Command("summary")).action(async (logs, o) => loadTables(logs, cacheFromOptions(o)))
 */
export function cacheOptions(command: Command): Command {
  return command
    .option("--cache-dir <dir>", "the parsed-log cache's folder (default $METRICS_KIT_CACHE, else $XDG_CACHE_HOME or ~/.cache, /interview-metrics-kit)")
    .option("--cache-max-bytes <size>", "the cache's bound, least recently used logs dropped past it: bytes or 500M, 2G (default 2G)", byteSize)
    .option("--no-cache", "parse every log afresh, without reading or writing the cache");
}

/**
 * The `loadTables` cache options of parsed CLI options.
 *
 * @example cacheFromOptions({ cache: false }) // { cache: false }
 */
export function cacheFromOptions(o: CacheOptionValues): CacheOptions {
  return {
    ...(o.cache === false ? { cache: false } : {}),
    ...(o.cacheDir !== undefined ? { cacheDir: o.cacheDir } : {}),
    ...(o.cacheMaxBytes !== undefined ? { cacheMaxBytes: o.cacheMaxBytes } : {}),
  };
}

/**
 * Adds `--no-memo` to a command whose output the cache memoises (`MEMO_COMMANDS`): recompute it even when its
 * inputs are unchanged (the parsed logs still come from the cache).
 */
export function memoOption(command: Command): Command {
  return command.option("--no-memo", "recompute the output even when the cache holds this command's output for the same unchanged inputs");
}

function byteSize(value: string): number {
  try {
    const n = parseBytes(value);
    if (n !== undefined) return n;
  } catch {
    // the same message as for an empty value
  }
  throw new InvalidArgumentError("expected bytes, or a number with K, M or G (500M, 2G)");
}
