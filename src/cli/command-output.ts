import type { Command } from "commander";
import { cacheSettings, type CacheSettings } from "../cache/cache-settings";
import { MEMO_MAX_BYTES, memoKey, sameStamp, stampInput, writeMemo, type InputStamp } from "../cache/result-memo";
import { defaultLogPath } from "../load/line-source";
import { LineWriter } from "../io/write-output";
import { cacheFromOptions, type CacheOptionValues } from "./cache-options";

/** What a memoised command's output is computed from, besides its command line. */
interface Memo {
  settings: CacheSettings;
  key: string;
  inputs: InputStamp[];
  chunks: Buffer[];
  bytes: number;
}

/**
 * The stdout of a memoised command (see `MEMO_COMMANDS`): written through a 1 MiB buffer as it comes, and — when
 * the cache is on and every input is a regular file — remembered, so that `end` can memoise it for `replayMemo`.
 * It is memoised only when no input changed while the command ran, and only up to `MEMO_MAX_BYTES`.
 *
 * @example const out = CommandOutput.start(cmd, o, logs); out.write(text); out.end();
 */
export class CommandOutput {
  private readonly out = new LineWriter("-", false);

  private constructor(private memo: Memo | undefined) {}

  /**
   * The output of the command `command` (its action's last argument), whose options are `o` and whose input files
   * are `logs` (none: the default log) and `others` (a `--users` or `--rules` value: a file, or its absence, is an input).
   */
  static start(command: Command, o: CacheOptionValues & { memo?: boolean }, logs: readonly string[], others: readonly (string | undefined)[] = []): CommandOutput {
    const settings = o.memo === false ? undefined : cacheSettings(cacheFromOptions(o));
    // The command line as parsed (commander keeps it as `rawArgs`, untyped): what `replayMemo` keys a memo by.
    const raw = (command.parent as unknown as { rawArgs?: unknown } | null)?.rawArgs;
    const args = Array.isArray(raw) ? raw.slice(2).map(String) : undefined;
    if (!settings || !args) return new CommandOutput(undefined);
    const files = [...(logs.length > 0 ? logs : [defaultLogPath()]), ...others.filter((f): f is string => f !== undefined)];
    // stdin, a FIFO or `<(…)` has no stamp (`stampInput`): its output is not memoised
    const inputs = files.map((f) => stampInput(f));
    if (!inputs.every((s) => s !== undefined)) return new CommandOutput(undefined);
    return new CommandOutput({ settings, key: memoKey(args, process.env, process.cwd()), inputs: inputs as InputStamp[], chunks: [], bytes: 0 });
  }

  write(text: string): void {
    if (!this.memo) return this.out.write(text);
    // Encoded once: the same bytes go to stdout and into the memo.
    const bytes = Buffer.from(text, "utf8");
    this.out.writeBytes(bytes);
    this.memo.bytes += bytes.length;
    if (this.memo.bytes > MEMO_MAX_BYTES) this.memo = undefined;
    else this.memo.chunks.push(bytes);
  }

  /** Writes a line to stderr; the output is then not memoised (a replay, which writes stdout only, would lose it). */
  note(line: string): void {
    process.stderr.write(line);
    this.memo = undefined;
  }

  /** Flushes stdout, then memoises the output if its inputs are as they were at the start (a cache that cannot be written is passed by). */
  end(): void {
    this.out.commit();
    const memo = this.memo;
    if (!memo || !memo.inputs.every((s) => sameStamp(s, stampInput(s.path)))) return;
    try {
      writeMemo(memo.settings.dir, memo.key, memo.inputs, memo.chunks, memo.settings.maxBytes);
    } catch {
      // the cache folder cannot be written: the command's output stands
    }
  }
}
