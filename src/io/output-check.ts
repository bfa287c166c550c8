import { lstatSync, realpathSync, statSync, type Stats } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

/**
 * Thrown when an output path exists (a file, a symbolic link, even a dangling one) and `force` was not given. Its
 * message names the library's option (`{ force: true }`); `forcedBy("--force")` is the same refusal in the CLI's
 * words.
 *
 * @example new OutputExistsError("x.log").message // "x.log exists; pass { force: true } to overwrite it"
 * @example new OutputExistsError("x.log").forcedBy("--force") // "x.log exists; pass --force to overwrite it"
 */
export class OutputExistsError extends Error {
  constructor(readonly file: string, readonly link = false) {
    super("");
    this.message = this.forcedBy("{ force: true }");
    this.name = "OutputExistsError";
  }

  /** The refusal, naming `force` (an option or a flag) as the way to overwrite the file or replace the link. */
  forcedBy(force: string): string {
    return this.link ? `${this.file} is a symbolic link; pass ${force} to replace the link (its target is left alone)` : `${this.file} exists; pass ${force} to overwrite it`;
  }
}

/** What is at a path without following a symbolic link; `undefined` when nothing is. */
export function pathStats(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new Error(`cannot write ${file}: ${(error as Error).message}`);
  }
}

/**
 * Checks that `file` may be written, before any work is done: nothing there, or `force`. A symbolic link (dangling or
 * not) counts as there: without `force` it is refused, with it the link itself is replaced, never written through. A
 * folder is refused either way, and so is one of `inputs` (the files the command reads: its logs, a `--users` or
 * `--rules` file; `-` skipped), `force` or not, however it is spelled (`sameFile`). `-` is stdout and always
 * allowed. Creates nothing.
 *
 * @example checkOutput("build/report.html", false) // throws OutputExistsError when build/report.html exists
 * checkOutput("./link-to-metrics.log", true, ["metrics.log"]) // throws "cannot write ./link-to-metrics.log: it is metrics.log, a file this command reads"
 */
export function checkOutput(file: string, force: boolean, inputs: readonly string[] = []): void {
  if (file === "-") return;
  // Only a file that is there can be an input: the output's device and inode, against each input's.
  const id = fileId(file);
  const input = id === undefined ? undefined : inputs.find((f) => f !== "-" && fileId(f) === id);
  if (input !== undefined) throw new Error(`cannot write ${file}: it is ${input === file ? "" : `${input}, `}a file this command reads`);
  const stats = pathStats(file);
  if (!stats) return;
  if (stats.isDirectory()) throw new Error(`cannot write ${file}: it is a folder`);
  if (!force) throw new OutputExistsError(file, stats.isSymbolicLink());
}

/**
 * Whether two paths name the same file: the same device and inode, links followed (a symbolic link, a hard link,
 * `./x`, `dir/../x`); where either names nothing yet, the same place (the real path of its folder, and its name).
 *
 * @example sameFile("logs/metrics.log", "./logs/../logs/metrics.log") // true
 */
export function sameFile(a: string, b: string): boolean {
  return fileKey(a) === fileKey(b);
}

/**
 * What `sameFile` compares: a file's device and inode (links followed), or, where nothing is yet, its place (the
 * real path of its nearest existing folder, then the names below it). Two paths name the same file when their keys
 * are equal.
 *
 * @example fileKey("metrics.log") === fileKey("./metrics.log") // true
 */
export function fileKey(path: string): string {
  const id = fileId(path);
  return id !== undefined ? `file ${id}` : `place ${place(path)}`;
}

/** A file's device and inode, links followed; `undefined` when nothing is there. */
function fileId(path: string): string | undefined {
  try {
    const s = statSync(path, { bigint: true });
    return `${s.dev}:${s.ino}`;
  } catch {
    return undefined;
  }
}

/** Where a path's file is or would be: the real path of its nearest existing folder, then the names below it. */
function place(path: string): string {
  const names = [basename(resolve(path))];
  for (let dir = dirname(resolve(path)); ; dir = dirname(dir)) {
    try {
      return join(realpathSync(dir), ...names);
    } catch {
      if (dirname(dir) === dir) return resolve(path);
      names.unshift(basename(dir));
    }
  }
}
