import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, statSync, utimesSync } from "node:fs";
import { basename, join } from "node:path";
import { CacheWriter, readCacheFile } from "./cache-file";
import { evict } from "./cache-eviction";
import { kitIdentity } from "./kit-identity";
import { prefixFingerprint } from "./prefix-fingerprint";
import { OPEN_NO_WAIT, sourceKind } from "../load/source-kind";

/** One input file of a memoised result, as it was when the result was computed. */
export interface InputStamp {
  path: string;
  dev: string;
  ino: string;
  size: number;
  mtimeNs: string;
  /** `prefixFingerprint` of the whole file. */
  fingerprint: string;
}

/** Outputs past this size are not memoised (the analysis JSON of a 5M-row log is ~250 MB). */
export const MEMO_MAX_BYTES = 64 << 20;

/** Environment variables a command's result may depend on (the log path, the cache); the rest never change it. */
const KEYED_ENV = /^(METRICS_KIT_|INTERVIEW_METRICS_|XDG_CACHE_HOME$|HOME$)/;

/**
 * The key of a command's result: its arguments (after `node metrics-kit`), the working folder, the environment
 * variables it reads, and the kit's code (`kitIdentity`). The input files' state is checked apart (`readMemo`).
 *
 * @example memoKey(["summary", "metrics.log"], process.env, "/home/a") // "c01d…" (40 hex digits)
 */
export function memoKey(args: readonly string[], env: NodeJS.ProcessEnv, cwd: string): string {
  const hash = createHash("sha1").update(`memo 1\nkit ${kitIdentity()}\ncwd ${cwd}\n`);
  for (const a of args) hash.update(`arg ${a}\0`);
  for (const name of Object.keys(env).filter((n) => KEYED_ENV.test(n)).sort()) hash.update(`env ${name}=${env[name]}\0`);
  return hash.digest("hex");
}

/**
 * The state of an input file (followed through symbolic links): device, inode, size, mtime and a fingerprint of
 * its bytes; for a path where no file is, its absence (size −1: a file appearing there changes it); `undefined`
 * when it is not a regular file or cannot be read: a command reading a FIFO, `<(…)` or `/dev/stdin` is never
 * memoised nor answered from a memo. Anything but a regular file is only `stat`ed (see `sourceKind`), never opened:
 * opening a FIFO waits for its writer, and closing it can lose the bytes the command is about to read.
 *
 * @example stampInput("metrics.log")?.size // 784000000
 */
export function stampInput(path: string): InputStamp | undefined {
  const kind = sourceKind(path);
  if (kind !== "file") return kind === undefined && isMissing(path) ? absent(path) : undefined;
  let fd: number | undefined;
  try {
    fd = openSync(path, OPEN_NO_WAIT);
    const s = fstatSync(fd, { bigint: true });
    if (!s.isFile()) return undefined;
    const size = Number(s.size);
    return { path, dev: String(s.dev), ino: String(s.ino), size, mtimeNs: String(s.mtimeNs), fingerprint: prefixFingerprint(fd, size) };
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? absent(path) : undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The stamp of a path where no file is. */
const absent = (path: string): InputStamp => ({ path, dev: "", ino: "", size: -1, mtimeNs: "", fingerprint: "" });

function isMissing(path: string): boolean {
  try {
    statSync(path);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT";
  }
}

/** Whether two stamps describe the same state of the same file. */
export function sameStamp(a: InputStamp | undefined, b: InputStamp | undefined): boolean {
  return a !== undefined && b !== undefined && a.path === b.path && a.dev === b.dev && a.ino === b.ino && a.size === b.size
    && a.mtimeNs === b.mtimeNs && a.fingerprint === b.fingerprint;
}

const memoFile = (dir: string, key: string) => join(dir, `${key}.memo`);
const fileKey = (key: string) => `memo ${key}`;

/**
 * The output memoised under `key` in the cache folder `dir`, when every input it was computed from is unchanged
 * (`stampInput` equal); marks it as used for the cache's LRU. `undefined` otherwise: no memo, a changed input, or a
 * memo file that is foreign, damaged or of another key. Never throws.
 *
 * @example readMemo("/cache", memoKey(args, process.env, process.cwd()))
 */
export function readMemo(dir: string, key: string): Buffer | undefined {
  try {
    const file = memoFile(dir, key);
    const [head, output, ...rest] = [...readCacheFile(file, fileKey(key))];
    if (output === undefined || rest.length > 0) return undefined;
    const inputs: unknown = JSON.parse(head.toString("utf8"));
    if (!Array.isArray(inputs) || inputs.length === 0) return undefined;
    for (const input of inputs as InputStamp[]) if (typeof input?.path !== "string" || !sameStamp(input, stampInput(input.path))) return undefined;
    const now = new Date();
    utimesSync(file, now, now);
    return output;
  } catch {
    return undefined;
  }
}

/**
 * Memoises a command's output under `key` in the cache folder `dir` (atomically), with the stamps of the inputs it
 * was computed from, then bounds the cache to `maxBytes` (see `evict`).
 *
 * @example writeMemo("/cache", key, [stampInput("metrics.log")!], [Buffer.from("…")], 2 ** 31)
 */
export function writeMemo(dir: string, key: string, inputs: readonly InputStamp[], output: readonly Uint8Array[], maxBytes: number): void {
  const file = memoFile(dir, key);
  const w = CacheWriter.open(file, fileKey(key));
  try {
    w.record(Buffer.from(JSON.stringify(inputs)));
    w.record(Buffer.concat(output));
    w.commit();
  } finally {
    w.discard();
  }
  evict(dir, maxBytes, new Set([basename(file)]));
}
