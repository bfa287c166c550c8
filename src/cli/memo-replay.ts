import { cacheSettings } from "../cache/cache-settings";

/** Commands whose output the cache memoises: read-only, their stdout a function of their arguments and inputs. */
export const MEMO_COMMANDS: ReadonlySet<string> = new Set(["summary", "analyze", "replay"]);

/**
 * The cache folder a memoised command's memo would be in, read off its raw arguments (`--cache-dir`, `--no-cache`,
 * `--no-memo`) and the environment; `undefined` when the command is not memoised or the memo is bypassed. A misread
 * can only miss: a memo is found under the key of its whole command line (`memoKey`), so one found was written by
 * this very command line.
 */
export function memoDir(args: readonly string[], env: NodeJS.ProcessEnv): string | undefined {
  if (!MEMO_COMMANDS.has(args[0]) || args.some((a) => a === "--no-cache" || a === "--no-memo" || a === "--help" || a === "-h")) return undefined;
  let cacheDir: string | undefined;
  args.forEach((a, k) => {
    if (a === "--cache-dir") cacheDir = args[k + 1];
    else if (a.startsWith("--cache-dir=")) cacheDir = a.slice("--cache-dir=".length);
  });
  return cacheSettings({ cacheDir }, env)?.dir;
}

/**
 * Before the CLI loads: when `argv` is a memoised command whose inputs are unchanged since the cache memoised its
 * output (see `readMemo`), writes that output to stdout and returns `true` (the process exits 0, as the command did; 2 if stdout cannot be written).
 * Loads the cache's reader only for a memoised command, and nothing else, so that a re-run of an unchanged log
 * costs a few milliseconds over node's start. Resolves `false` whenever it cannot be sure; never rejects.
 *
 * @example if (!(await replayMemo(process.argv))) main(process.argv);
 */
export async function replayMemo(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  let output: Buffer | undefined;
  try {
    const args = argv.slice(2);
    const dir = memoDir(args, env);
    if (dir === undefined) return false;
    const { memoKey, readMemo } = await import("../cache/result-memo");
    output = readMemo(dir, memoKey(args, env, process.cwd()));
  } catch {
    return false;
  }
  if (output === undefined) return false;
  const { writeStdout } = await import("../io/write-output");
  try {
    writeStdout(output);
  } catch (error) {
    // as the command itself would end when its stdout cannot be written (a closed pipe)
    process.stderr.write(`metrics-kit: ${(error as Error).message}\n`);
    process.exitCode = 2;
  }
  return true;
}
