import { createHash } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

let identity: string | undefined;

/**
 * A hash of the kit's code as it lies on disk — the name, size and mtime of every module in the folder this one
 * was loaded from (`dist/` or `src/`) and in its sub-folders — and of node's version. Every build rewrites the
 * compiled files, so a result memoised by another build (or another node) is never replayed. Stats only (~3 ms for
 * the ~230 modules), so that a replay stays cheap.
 *
 * @example kitIdentity() // "5e84…" (40 hex digits)
 */
export function kitIdentity(): string {
  if (identity) return identity;
  const root = join(__dirname, "..");
  const hash = createHash("sha1").update(`node ${process.version}\n`);
  const stamp = (name: string) => {
    const s = statSync(join(root, name));
    if (s.isFile() && /\.(js|ts)$/.test(name)) hash.update(`${name} ${s.size} ${s.mtimeMs}\n`);
    return s;
  };
  for (const top of readdirSync(root).sort()) {
    if (!stamp(top).isDirectory()) continue;
    for (const name of readdirSync(join(root, top)).sort()) stamp(join(top, name));
  }
  identity = hash.digest("hex");
  return identity;
}
