import { existsSync, mkdirSync } from "node:fs";
import { sep } from "node:path";

/**
 * Makes a folder and the folders above it that are missing, one `mkdir` each, as `mkdir -p` does: component by
 * component as the system resolves the path, so `..` goes up from where a symbolic link led (`dl/new/../x`, `dl`
 * a link, makes `new` in the link's target), never from the path's text. Not node 20's
 * `mkdirSync(…, { recursive: true })`, which never returns under a folder that refuses new entries with ENOENT
 * (`/proc/nope/x`): this throws the first error instead.
 *
 * @example makeFolders("/home/me/.cache/interview-metrics-kit")
 */
export function makeFolders(dir: string): void {
  if (existsSync(dir)) return;
  const parts = dir.split(sep);
  for (let i = 1; i <= parts.length; i++) {
    const folder = parts.slice(0, i).join(sep);
    if (folder === "" || existsSync(folder)) continue;
    try {
      mkdirSync(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}
