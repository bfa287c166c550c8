import { lstatSync, type Stats } from "node:fs";

/** Thrown when an output path exists (a file, a symbolic link, even a dangling one) and `--force` was not given. */
export class OutputExistsError extends Error {
  constructor(readonly file: string, link = false) {
    super(link ? `${file} is a symbolic link; pass --force to replace the link (its target is left alone)` : `${file} exists; pass --force to overwrite it`);
    this.name = "OutputExistsError";
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
 * folder is refused either way. `-` is stdout and always allowed. Creates nothing.
 *
 * @example checkOutput("build/report.html", false) // throws OutputExistsError when build/report.html exists
 */
export function checkOutput(file: string, force: boolean): void {
  if (file === "-") return;
  const stats = pathStats(file);
  if (!stats) return;
  if (stats.isDirectory()) throw new Error(`cannot write ${file}: it is a folder`);
  if (!force) throw new OutputExistsError(file, stats.isSymbolicLink());
}
