import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, unlinkSync } from "node:fs";
import { basename, dirname, join, sep } from "node:path";

// A temporary file is named `.<destination>.metrics-kit-<pid>-<random>.tmp` beside its destination: hidden, with
// the writing process's id and a suffix no output of the kit has, so it is never taken for the output itself.
const TAG = ".metrics-kit-";
const SUFFIX = ".tmp";
/** Bytes of the destination's name kept in a temporary name (a file name has at most 255). */
const NAME_BYTES = 160;

const open = new Set<string>();

function stem(file: string): string {
  const name = basename(file);
  return `.${Buffer.byteLength(name) > NAME_BYTES ? Buffer.from(name).subarray(0, NAME_BYTES).toString("utf8").replace(/\uFFFD+$/, "") : name}${TAG}`;
}

/**
 * A fresh temporary path in `file`'s folder for writing `file` (see the naming rule above).
 *
 * @example tempPath("build/report.html") // "build/.report.html.metrics-kit-4242-9f3c1a2b7d.tmp"
 */
export function tempPath(file: string): string {
  // Not `join`, which would read `..` in the text (`dl/new/../x` → `./`): the system resolves it from where a
  // symbolic link leads, and the temporary file must be in the destination's own folder.
  return `${dirname(file)}${sep}${stem(file)}${process.pid}-${randomBytes(5).toString("hex")}${SUFFIX}`;
}

/**
 * Deletes the temporary files left beside `file` by writers that were killed (their process no longer runs here):
 * a signal (SIGKILL, SIGTERM, Ctrl-C) stops a write without cleanup, and its temporary file stays until then.
 *
 * @example removeStaleTemps("build/big.log")
 */
export function removeStaleTemps(file: string): void {
  const prefix = stem(file);
  removeDead(dirname(file), (name) => (name.startsWith(prefix) && name.endsWith(SUFFIX) ? /^(\d+)-[0-9a-f]+$/.exec(name.slice(prefix.length, -SUFFIX.length))?.[1] : undefined));
}

/**
 * Deletes every temporary file in `dir` left by a writer that was killed (see `removeStaleTemps`), whatever its
 * destination: what the cache does, whose files have names of their own each time.
 *
 * @example removeDeadTemps("/home/me/.cache/interview-metrics-kit")
 */
export function removeDeadTemps(dir: string): void {
  removeDead(dir, (name) => (name.startsWith(".") ? /\.metrics-kit-(\d+)-[0-9a-f]+\.tmp$/.exec(name)?.[1] : undefined));
}

/** The prefix of a staging folder for `target`: `.<target's name>.partial-`. */
const stagingPrefix = (target: string) => `.${basename(target)}.partial-`;

/**
 * A fresh staging folder beside the folder `target`, for writing what will be moved into it:
 * `.<name>.partial-<pid>-<random>`, hidden, with the writing process's id (see `removeStaleStaging`).
 *
 * @example stagingFolder("out") // "./.out.partial-4242-Xa81Qe"
 */
export function stagingFolder(target: string): string {
  return mkdtempSync(`${dirname(target)}${sep}${stagingPrefix(target)}${process.pid}-`); // not `join`: see tempPath
}

/**
 * Deletes the staging folders (and the old copies set aside beside them, `….old-<table>`) left beside `target` by
 * exports that were killed: their process no longer runs here. A running export's folders are left alone.
 *
 * @example removeStaleStaging("out")
 */
export function removeStaleStaging(target: string): void {
  const prefix = stagingPrefix(target);
  removeDead(dirname(target), (name) => (name.startsWith(prefix) ? /^(\d+)-/.exec(name.slice(prefix.length))?.[1] : undefined));
}

/**
 * Deletes (recursively, a folder too) each entry of `dir` whose writer, the process id `pidOf` reads from its name,
 * no longer runs here; entries of this process, of running ones, and names `pidOf` does not recognise are kept.
 */
function removeDead(dir: string, pidOf: (name: string) => string | undefined): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return; // no folder yet: nothing stale in it
  }
  for (const name of names) {
    const pid = Number(pidOf(name));
    if (pid > 0 && pid !== process.pid && !running(pid)) rmSync(join(dir, name), { recursive: true, force: true });
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Registers a temporary file to delete should the process exit (`process.exit`, an uncaught error) before it is
 * committed or discarded (`releaseTemp`). Signals are left to their default action: a listener would keep SIGINT
 * or SIGTERM from stopping a synchronous write at all. A file left by a signal or a SIGKILL is hidden, never taken
 * for output, and deleted by the next write of its destination (`removeStaleTemps`).
 *
 * @example trackTemp(tmp); try { write(tmp); rename(tmp, out) } finally { releaseTemp(tmp) }
 */
export function trackTemp(path: string): void {
  if (open.size === 0) process.on("exit", removeAll);
  open.add(path);
}

/** Forgets a temporary file registered by `trackTemp` (committed or deleted by its writer). */
export function releaseTemp(path: string): void {
  if (open.delete(path) && open.size === 0) process.removeListener("exit", removeAll);
}

function removeAll(): void {
  for (const path of open) {
    try {
      unlinkSync(path);
    } catch {
      // already gone: nothing left to remove
    }
  }
}
