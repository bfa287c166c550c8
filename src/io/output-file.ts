import { closeSync, fchmodSync, fsyncSync, linkSync, openSync, renameSync, unlinkSync, writeSync, writev } from "node:fs";
import { dirname } from "node:path";
import { makeFolders } from "./make-folders";
import { checkOutput, OutputExistsError, pathStats } from "./output-check";
import { releaseTemp, removeStaleTemps, tempPath, trackTemp } from "./temp-files";

/**
 * One output file written atomically: the bytes go to a temporary file in the destination's folder (missing folders
 * are made), and `commit` fsyncs it and renames it over the destination, so that the destination holds either its
 * old bytes or all the new ones, whatever happens meanwhile (a crash, a kill, a full disk). `discard` (or the
 * process exiting before `commit`) deletes the temporary file; one left by a signal is deleted by the next write of
 * the same destination (`removeStaleTemps`). A symbolic link at the destination is refused without `force` and
 * replaced by the new file with it (the link's target is never written). Without `force` the commit itself refuses
 * a file that appeared meanwhile (a hard link, which cannot clobber).
 *
 * @example const f = OutputFile.open("build/report.html", { force: true }); f.write(html); f.commit();
 */
export class OutputFile {
  private fd: number;
  private done = false;

  private constructor(readonly file: string, readonly temp: string, private readonly force: boolean, private readonly sync: boolean) {
    const stats = pathStats(file);
    fail(file, () => makeFolders(dirname(file)));
    fail(file, () => removeStaleTemps(file));
    // "wx": O_CREAT|O_EXCL, which never opens through a symbolic link.
    this.fd = fail(file, () => openSync(temp, "wx"));
    trackTemp(temp);
    // A replaced file keeps its permissions.
    if (stats?.isFile()) {
      try {
        fchmodSync(this.fd, stats.mode & 0o7777);
      } catch (error) {
        this.discard();
        throw new Error(`cannot write ${file}: ${(error as Error).message}`);
      }
    }
  }

  /**
   * Checks the destination (see `checkOutput`), makes its folder and opens its temporary file. Throws
   * `OutputExistsError`, or an error starting "cannot write FILE:". `sync: false` skips the fsyncs (for files that
   * can be rebuilt, such as the cache's: the rename stays atomic, a crash may lose the new bytes). Default `true`.
   */
  static open(file: string, options: { force?: boolean; sync?: boolean } = {}): OutputFile {
    if (file === "-") throw new Error("OutputFile writes files; - (stdout) is written directly");
    const force = Boolean(options.force);
    checkOutput(file, force);
    return new OutputFile(file, tempPath(file), force, options.sync ?? true);
  }

  /** Appends bytes to the temporary file. */
  write(bytes: Uint8Array): void {
    let off = 0;
    while (off < bytes.length) off += fail(this.file, () => writeSync(this.fd, bytes, off));
  }

  /**
   * Appends buffers without blocking the thread (one `writev` on libuv's thread pool; what a short write leaves is
   * written synchronously): the caller goes on meanwhile, and must not change the buffers until it resolves.
   */
  writeLater(buffers: readonly Uint8Array[]): Promise<void> {
    const total = buffers.reduce((n, b) => n + b.length, 0);
    return new Promise((resolve, reject) => {
      writev(this.fd, buffers as Uint8Array[], (error, written) => {
        if (error) return reject(new Error(`cannot write ${this.file}: ${error.message}`));
        try {
          if (written < total) this.write(Buffer.concat(buffers as Uint8Array[]).subarray(written));
          resolve();
        } catch (e) {
          reject(e);
        }
      });
    });
  }

  /**
   * Makes the bytes written the destination's content (fsync, close, rename). Throws `OutputExistsError` (see the
   * class), or when the file was committed or discarded already.
   */
  commit(): void {
    if (this.done) throw new Error(`${this.file}: committed or discarded already`);
    this.done = true;
    try {
      try {
        if (this.sync) fail(this.file, () => fsyncSync(this.fd));
      } finally {
        closeSync(this.fd);
      }
      if (this.force) fail(this.file, () => renameSync(this.temp, this.file));
      else this.link();
      if (this.sync) syncFolder(dirname(this.file));
    } finally {
      remove(this.temp);
      releaseTemp(this.temp);
    }
  }

  /** Deletes the temporary file; the destination stays as it was. Safe to call after `commit`. */
  discard(): void {
    if (this.done) return;
    this.done = true;
    try {
      closeSync(this.fd);
    } finally {
      remove(this.temp);
      releaseTemp(this.temp);
    }
  }

  // No force: a hard link fails with EEXIST where a rename would replace a file made since the check. Where the
  // file system has no hard links, the check and a rename.
  private link(): void {
    try {
      linkSync(this.temp, this.file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EEXIST") throw new OutputExistsError(this.file, Boolean(pathStats(this.file)?.isSymbolicLink()));
      if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "EXDEV") throw new Error(`cannot write ${this.file}: ${(error as Error).message}`);
      checkOutput(this.file, false);
      fail(this.file, () => renameSync(this.temp, this.file));
    }
  }
}

function fail<T>(file: string, f: () => T): T {
  try {
    return f();
  } catch (error) {
    throw new Error(`cannot write ${file}: ${(error as Error).message}`);
  }
}

function remove(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

/** Makes a rename in `dir` durable (best effort: not every file system lets a folder be fsynced). */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, "r");
    fsyncSync(fd);
  } catch {
    // not supported here (the rename itself is done)
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
