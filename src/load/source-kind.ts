import { constants, fstatSync, statSync, type Stats } from "node:fs";

/** The name `-` stands for standard input. */
export const STDIN = "-";

/**
 * How a log source is read:
 * - `file`: a regular file (links followed). Read by byte ranges, kept in the cache, fingerprinted for memos.
 * - `stdin`: `-`, or a path that is this process's standard input when that is not a regular file (`/dev/stdin`
 *   on a pipe). Read once, from start to end, never cached nor memoised.
 * - `stream`: any other file that is not regular — a FIFO, a process substitution (`<(…)`, `/dev/fd/63`), a
 *   character device. Read like stdin: once, from start to end, never cached nor memoised.
 * - `folder`: refused when read ("cannot read DIR: it is a folder").
 * - `undefined`: nothing can be found there (missing, no permission): the read reports why.
 *
 * The path is only `stat`ed, never opened: opening a FIFO waits for its writer, and closing it again can lose
 * the bytes the writer sent, which no later read would see.
 *
 * @example sourceKind("metrics.log") // "file"; sourceKind("/dev/fd/63") // "stream"; sourceKind("-") // "stdin"
 */
export function sourceKind(source: string): "file" | "stdin" | "stream" | "folder" | undefined {
  if (source === STDIN) return "stdin";
  let stats: Stats;
  try {
    stats = statSync(source);
  } catch {
    return undefined;
  }
  if (stats.isFile()) return "file";
  if (stats.isDirectory()) return "folder";
  return isStandardInput(stats) ? "stdin" : "stream";
}

/**
 * The flags a regular file (`sourceKind` "file") is opened with to be read: read-only, and not waiting for a writer
 * should the path have become a FIFO since it was `stat`ed.
 */
export const OPEN_NO_WAIT = constants.O_RDONLY | constants.O_NONBLOCK;

/** True when `stats` are those of this process's standard input (fd 0). */
function isStandardInput(stats: Stats): boolean {
  try {
    const stdin = fstatSync(0);
    return stdin.dev === stats.dev && stdin.ino === stats.ino;
  } catch {
    return false;
  }
}
