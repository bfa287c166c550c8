import { lstatSync, statSync, type Stats } from "node:fs";

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

/** The input among `inputs` (files being read; `-` is stdin) that is the file `stats` describes, by device and inode. */
function inputAt(stats: Stats, inputs: readonly string[]): string | undefined {
  return inputs.find((input) => {
    if (input === "-") return false;
    const s = statSync(input, { throwIfNoEntry: false });
    return s !== undefined && s.dev === stats.dev && s.ino === stats.ino;
  });
}

/**
 * Checks that `file` may be written, before any work is done: nothing there, or `force`. A symbolic link (dangling or
 * not) counts as there: without `force` it is refused, with it the link itself is replaced, never written through. A
 * folder is refused either way, and so, `force` or not, is one of `inputs` (the logs being read, under any name:
 * the same device and inode), which the write would replace. `-` is stdout and always allowed. Creates nothing.
 *
 * @example checkOutput("build/report.html", false) // throws OutputExistsError when build/report.html exists
 */
export function checkOutput(file: string, force: boolean, inputs: readonly string[] = []): void {
  if (file === "-") return;
  const stats = pathStats(file);
  if (!stats) return;
  if (stats.isDirectory()) throw new Error(`cannot write ${file}: it is a folder`);
  const input = stats.isSymbolicLink() ? undefined : inputAt(stats, inputs);
  if (input !== undefined) throw new Error(`cannot write ${file}: it is ${input === file ? "" : `${input}, `}a log being read; choose another output`);
  if (!force) throw new OutputExistsError(file, stats.isSymbolicLink());
}
