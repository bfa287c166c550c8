import { readdirSync, statSync, unlinkSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { removeDeadTemps } from "../io/temp-files";

/** The names the cache gives its files; any other file in its folder is left alone. */
export const CACHE_NAME = /^[0-9a-f]{40}(\.[0-9a-f]{10})?\.(idx|seg|snap|memo)$/;

/**
 * Marks cache files as just used (their mtime: the LRU's clock). Missing files are skipped.
 *
 * @example touchEntries("/cache", ["ab….idx"])
 */
export function touchEntries(dir: string, names: readonly string[]): void {
  const now = new Date();
  for (const name of names) {
    try {
      utimesSync(join(dir, name), now, now);
    } catch {
      // gone meanwhile (another process evicted it): nothing to mark
    }
  }
}

/**
 * Bounds the cache: while its files (by name, `CACHE_NAME`) hold more than `maxBytes`, deletes the least recently
 * used (oldest mtime), never those in `keep`; deletes the temporary files of killed writers first. Returns the bytes left.
 *
 * @example evict("/cache", 2 ** 31, new Set(["ab….idx"]))
 */
export function evict(dir: string, maxBytes: number, keep: ReadonlySet<string>): number {
  removeDeadTemps(dir);
  const files: { name: string; size: number; mtime: number }[] = [];
  for (const name of readdirSync(dir)) {
    if (!CACHE_NAME.test(name)) continue;
    try {
      const s = statSync(join(dir, name));
      if (s.isFile()) files.push({ name, size: s.size, mtime: s.mtimeMs });
    } catch {
      // deleted meanwhile
    }
  }
  let total = files.reduce((sum, f) => sum + f.size, 0);
  files.sort((a, b) => a.mtime - b.mtime);
  for (const f of files) {
    if (total <= maxBytes) break;
    if (keep.has(f.name)) continue;
    try {
      unlinkSync(join(dir, f.name));
    } catch {
      // deleted meanwhile
    }
    total -= f.size;
  }
  return total;
}
