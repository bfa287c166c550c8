import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";

/**
 * Makes a folder and the folders above it that are missing, one `mkdir` each (as `mkdir -p`). Not node 20's
 * `mkdirSync(…, { recursive: true })`, which never returns under a folder that refuses new entries with ENOENT
 * (`/proc/nope/x`): this throws the first error instead.
 *
 * @example makeFolders("/home/me/.cache/interview-metrics-kit")
 */
export function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let p = resolve(dir); !existsSync(p); p = dirname(p)) {
    missing.push(p);
    if (dirname(p) === p) break;
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}
