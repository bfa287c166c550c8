import { writeSync } from "node:fs";
import { OutputFile } from "./output-file";

/**
 * Writes lines to a file (`-` = stdout) through a 1 MiB buffer with synchronous writes, in constant memory: each
 * line is encoded straight into the buffer (no joined block, no second copy). A file is an `OutputFile`: the
 * destination changes only at `commit` (all the lines or none of them); `discard` leaves it as it was. Refuses an
 * existing file or symbolic link without `force` (before anything is written).
 *
 * @example const out = new LineWriter("build/x.log", false); try { out.write("{}\n"); out.commit() } finally { out.discard() }
 */
export class LineWriter {
  private buf = Buffer.allocUnsafe(1 << 20);
  private at = 0;
  private file: OutputFile | undefined;

  constructor(readonly path: string, force: boolean) {
    this.file = path === "-" ? undefined : OutputFile.open(path, { force });
  }

  write(line: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (this.buf.length - this.at < 3 * line.length) {
      this.flush();
      if (this.buf.length < 3 * line.length) return this.put(Buffer.from(line, "utf8"));
    }
    this.at += this.buf.write(line, this.at, "utf8");
  }

  /** Writes bytes already encoded as UTF-8 (whole lines, or a whole text's encoding). */
  writeBytes(bytes: Uint8Array): void {
    if (this.buf.length - this.at < bytes.length) {
      this.flush();
      if (this.buf.length < bytes.length) return this.put(bytes);
    }
    this.buf.set(bytes, this.at);
    this.at += bytes.length;
  }

  flush(): void {
    this.put(this.buf.subarray(0, this.at));
    this.at = 0;
  }

  /** Writes what is buffered and makes the file the destination (see `OutputFile.commit`). */
  commit(): void {
    this.flush();
    this.file?.commit();
  }

  /** Drops the file (see `OutputFile.discard`): a no-op after `commit`, and for stdout. */
  discard(): void {
    this.file?.discard();
  }

  private put(bytes: Uint8Array): void {
    if (this.file) this.file.write(bytes);
    else writeStdout(bytes);
  }
}

/**
 * Writes lines to a file atomically with a `LineWriter` (see there) and returns the path.
 *
 * @example writeLines("build/x.log", ["{}\n"], true) // "build/x.log"
 */
export function writeLines(file: string, lines: Iterable<string>, force: boolean, onLine?: () => void): string {
  const out = new LineWriter(file, force);
  try {
    for (const line of lines) {
      out.write(line);
      onLine?.();
    }
    out.commit();
  } finally {
    out.discard();
  }
  return file;
}

/**
 * Writes a whole output (a report, a rules or truth file) atomically, `-` = stdout; returns its size in bytes.
 * Refuses an existing file or symbolic link without `force`; makes missing folders.
 *
 * @example writeOutput("build/rules.json", "{}\n", { force: true }) // 3
 */
export function writeOutput(file: string, content: string | Uint8Array, options: { force?: boolean } = {}): number {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  if (file === "-") {
    writeStdout(bytes);
    return bytes.length;
  }
  const out = OutputFile.open(file, options);
  try {
    out.write(bytes);
    out.commit();
  } finally {
    out.discard();
  }
  return bytes.length;
}

/** Writes bytes to stdout synchronously, all of them (a non-blocking pipe is waited for). */
export function writeStdout(bytes: Uint8Array): void {
  let off = 0;
  while (off < bytes.length) {
    try {
      off += writeSync(1, bytes, off);
    } catch (error) {
      // stdout as a pipe can be non-blocking: wait for the reader and try again
      if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}
