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
 * Writes lines to a file (`-` = stdout; missing parent folders are made) through a 1 MiB buffer with synchronous
 * writes, in constant memory: each line is encoded straight into the buffer (no joined block, no second copy).
 * Refuses an existing file without `force`.
 */
export class LineWriter {
  private buf = Buffer.allocUnsafe(1 << 20);
  private at = 0;
  private fd: number;

  constructor(readonly file: string, force: boolean) {
    checkOutput(file, force);
    if (file !== "-") mkdirSync(dirname(file), { recursive: true });
    this.fd = file === "-" ? 1 : openSync(file, "w");
  }

  write(line: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (this.buf.length - this.at < 3 * line.length) {
      this.flush();
      if (this.buf.length < 3 * line.length) return writeAll(this.fd, Buffer.from(line, "utf8"));
    }
    this.at += this.buf.write(line, this.at, "utf8");
  }

  /** Writes bytes already encoded as UTF-8 (whole lines). */
  writeBytes(bytes: Uint8Array): void {
    if (this.buf.length - this.at < bytes.length) {
      this.flush();
      if (this.buf.length < bytes.length) return writeAll(this.fd, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
    }
    this.buf.set(bytes, this.at);
    this.at += bytes.length;
  }

  flush(): void {
    writeAll(this.fd, this.buf.subarray(0, this.at));
    this.at = 0;
  }

  close(): void {
    try {
      this.flush();
    } finally {
      if (this.fd !== 1) closeSync(this.fd);
    }
  }
}

/** Writes lines to a file with a `LineWriter` (see there) and returns the path. */
export function writeLines(file: string, lines: Iterable<string>, force: boolean, onLine?: () => void): string {
  const out = new LineWriter(file, force);
  try {
    for (const line of lines) {
      out.write(line);
      onLine?.();
    }
  } finally {
    out.close();
  }
  return file;
}

function writeAll(fd: number, buf: Buffer): void {
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
