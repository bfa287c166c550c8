import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The cache's file format; a change to it makes every older cache file foreign. */
export const CACHE_FORMAT = 1;

/** The code whose output the cache holds: the loader, the schemas and the column store. */
const PARSER_FOLDERS = ["load", "schema", "store"];

let identity: string | undefined;

/**
 * A hash of the parser's own code (the files of `load/`, `schema/` and `store/`), read from the files
 * this module was loaded beside (`dist/` or `src/`): a cache written by another version of the parser is never
 * read, whatever its version number says.
 *
 * @example parserIdentity() // "3f9a0c…" (40 hex digits)
 */
export function parserIdentity(): string {
  if (identity) return identity;
  const root = join(__dirname, "..");
  const hash = createHash("sha1").update(`format ${CACHE_FORMAT}\n`);
  const files: string[] = [];
  for (const folder of PARSER_FOLDERS) {
    for (const name of readdirSync(join(root, folder)).sort()) if (/\.(js|ts)$/.test(name)) files.push(join(folder, name));
  }
  for (const f of files) hash.update(`${f}\n`).update(readFileSync(join(root, f)));
  identity = hash.digest("hex");
  return identity;
}
