import { homedir } from "node:os";
import { join } from "node:path";

/** The cache's bound when none is given: 2 GiB. */
export const DEFAULT_CACHE_BYTES = 2 * 2 ** 30;

/** Options of the parsed-log cache (see the README's "Cache" section). */
export interface CacheOptions {
  /** `false` reads every log afresh and leaves the cache alone. Default `true` (off when `METRICS_KIT_CACHE` is `off`). */
  cache?: boolean;
  /** The cache folder. Default `$METRICS_KIT_CACHE`, else `$XDG_CACHE_HOME/interview-metrics-kit`, else `~/.cache/interview-metrics-kit`. */
  cacheDir?: string;
  /** The cache's bound in bytes: least recently used entries are deleted past it. Default `$METRICS_KIT_CACHE_MAX_BYTES`, else 2 GiB. */
  cacheMaxBytes?: number;
}

/** Where the cache lives and how big it may grow; `undefined` when it is off. */
export interface CacheSettings {
  dir: string;
  maxBytes: number;
}

/**
 * Resolves the cache options against the environment: `METRICS_KIT_CACHE` (a folder, or `off`),
 * `METRICS_KIT_CACHE_MAX_BYTES` (bytes, or with a K/M/G suffix: `500M`), `XDG_CACHE_HOME`, the home folder.
 *
 * @example cacheSettings({}, { XDG_CACHE_HOME: "/c" }) // { dir: "/c/interview-metrics-kit", maxBytes: 2147483648 }
 */
export function cacheSettings(options: CacheOptions, env: NodeJS.ProcessEnv = process.env): CacheSettings | undefined {
  const fromEnv = env.METRICS_KIT_CACHE;
  if (options.cache === false || (options.cacheDir === undefined && fromEnv === "off")) return undefined;
  const dir = options.cacheDir ?? (fromEnv || join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "interview-metrics-kit"));
  return { dir, maxBytes: options.cacheMaxBytes ?? parseBytes(env.METRICS_KIT_CACHE_MAX_BYTES) ?? DEFAULT_CACHE_BYTES };
}

/**
 * A byte count such as `2147483648`, `500M` or `2G` (powers of 1024); `undefined` for an empty value. Throws on
 * anything else.
 *
 * @example parseBytes("1.5G") // 1610612736
 */
export function parseBytes(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([KMG]?)i?B?\s*$/i.exec(value);
  if (!m) throw new Error(`cache size ${JSON.stringify(value)}: expected bytes, or a number with K, M or G`);
  const unit = { "": 1, K: 2 ** 10, M: 2 ** 20, G: 2 ** 30 }[m[2].toUpperCase() as "" | "K" | "M" | "G"];
  return Math.floor(Number(m[1]) * unit);
}
