import { Worker } from "node:worker_threads";
import { defaultRules, type RulesConfig } from "../rules/rules-config";
import { LineWriter } from "../io/write-output";
import { defaultWorkers, workerScript } from "../io/worker-script";
import { combineTruth, eventBefore, LineLedger, mergedEvents, type BlockEvent } from "./generate-log";
import { GenerateOptions, type ResolvedOptions } from "./scenarios";
import { blockCount, type BlockTruth } from "./simulate-block";
import type { Truth } from "./truth";

/** Options of `writeLog`. */
export interface WriteLogOptions {
  /** Overwrite an existing file. Default `false` (then an existing file is an `OutputExistsError`). */
  force?: boolean;
  /** Worker threads simulating blocks of students. Default: one per core, at most 4; `0` runs on the calling thread. */
  workers?: number;
  /** Called now and then with the number of lines written so far (progress). */
  onProgress?: (lines: number) => void;
}

/**
 * A batch of a worker's merged events, flat for a cheap transfer: event k is bytes `ends[k-1] … ends[k]` (UTF-8)
 * of slot `slot` of the worker's shared buffer (or of `spilled`, for a batch too big for a slot), has `lines[k]`
 * lines, and comes from `blocks[k]` at `times[k]`; `plants` lists [event, line in event, kind, is fault].
 * The last batch carries the worker's blocks' truths.
 */
export interface EventBatch {
  times: Float64Array;
  blocks: Int32Array;
  ends: Int32Array;
  lines: Int32Array;
  plants: [number, number, string, boolean][];
  slot: number;
  spilled?: Uint8Array;
  truths?: [number, BlockTruth][];
}

/** Bytes of one slot of a worker's shared buffer: a batch of 2,000 lines takes ~1.5 MB. */
export const SLOT_BYTES = 4 << 20;

/**
 * Packs merged events into an `EventBatch` (worker side), copying each event's bytes out of its block's buffer into
 * `slot` (a view of the shared buffer the main thread reads them from: no per-batch allocation on either side).
 */
export function packEvents(events: Iterator<BlockEvent>, maxLines: number, slot: Buffer): Omit<EventBatch, "slot"> & { done: boolean } {
  const times: number[] = [];
  const blocks: number[] = [];
  const ends: number[] = [];
  const lines: number[] = [];
  const plants: EventBatch["plants"] = [];
  let bytes = slot;
  let at = 0;
  let total = 0;
  let done = false;
  while (total < maxLines) {
    const next = events.next();
    if (next.done) {
      done = true;
      break;
    }
    const e = next.value;
    const k = times.length;
    times.push(e.time);
    blocks.push(e.block);
    lines.push(e.lines.length);
    if (bytes.length - at < e.bytes.length) {
      const bigger = Buffer.allocUnsafe(Math.max(2 * bytes.length, at + e.bytes.length));
      bytes.copy(bigger, 0, 0, at);
      bytes = bigger;
    }
    bytes.set(e.bytes, at);
    at += e.bytes.length;
    e.lines.forEach((line, j) => {
      if (line.fault) plants.push([k, j, line.fault, true]);
      for (const q of line.quirks ?? []) plants.push([k, j, q, false]);
    });
    total += e.lines.length;
    ends.push(at);
  }
  const spilled = bytes === slot ? undefined : new Uint8Array(bytes.subarray(0, at));
  return { times: Float64Array.from(times), blocks: Int32Array.from(blocks), ends: Int32Array.from(ends), lines: Int32Array.from(lines), plants, spilled, done };
}

const BATCH_LINES = 2000;
const BATCHES_AHEAD = 8;
/** Slots of a worker's shared buffer: the batch being merged and those requested ahead of it. */
export const SLOTS = BATCHES_AHEAD + 1;

/**
 * Writes a synthetic log (`-` = stdout) and returns its truth: the same bytes as `generateLog` with the same
 * options, with the blocks of students simulated on worker threads and merged here in time order. The file is
 * written atomically (`LineWriter`): it appears, or replaces the old one, only once every line is written.
 *
 * @example const truth = await writeLog("build/big.log", { students: 135_000, seed: 1 }, { force: true })
 */
export async function writeLog(file: string, input: GenerateOptions, options: WriteLogOptions = {}, rules: RulesConfig = defaultRules()): Promise<Truth> {
  const resolved = GenerateOptions.parse(input);
  const blocks = blockCount(resolved.students);
  const workers = Math.min(options.workers ?? defaultWorkers(), blocks);
  const out = new LineWriter(file, Boolean(options.force));
  const truths: BlockTruth[] = [];
  const ledger = new LineLedger(resolved.trackTruth);
  let reported = 0;
  const progress = () => {
    if (ledger.lines - reported >= 10_000) options.onProgress?.((reported = ledger.lines));
  };
  try {
    if (workers < 2) {
      // On this thread: the blocks' events in log order, their bytes written as they are.
      for (const event of mergedEvents(resolved, rules, Array.from({ length: blocks }, (_, b) => b), truths)) {
        ledger.count(event);
        out.writeBytes(event.bytes);
        progress();
      }
    } else await mergeWorkers(out, ledger, progress, Array.from({ length: workers }, (_, w) => new WorkerStream(resolved, rules, w, workers, truths)));
    const torn = ledger.tornLast(resolved);
    if (torn !== undefined) out.write(torn);
    const truth = combineTruth(resolved, truths, ledger, rules);
    out.commit();
    return truth;
  } finally {
    // After a failure (or a kill) the destination keeps its old bytes: the new ones were in a temporary file.
    out.discard();
  }
}

/**
 * Merges the workers' streams (each in log order) in log order, the order `generateLog` writes: a run of events
 * from one stream that precede the other streams' heads is written as one range of its bytes. Ends the workers.
 */
async function mergeWorkers(out: LineWriter, ledger: LineLedger, progress: () => void, streams: WorkerStream[]): Promise<void> {
  try {
    for (;;) {
      let from: WorkerStream | undefined;
      let second: WorkerStream | undefined;
      for (const s of streams) {
        while (s.empty()) await s.fill();
        if (!s.more()) continue;
        if (!from || s.precedes(from)) [second, from] = [from, s];
        else if (!second || s.precedes(second)) second = s;
      }
      if (!from) break;
      out.writeBytes(from.takeRun(ledger, second));
      progress();
    }
  } finally {
    await Promise.all(streams.map((s) => s.close()));
  }
}

/** One worker's events, fetched a batch ahead. */
class WorkerStream {
  private worker: Worker;
  private shared: SharedArrayBuffer;
  private batch: EventBatch | undefined;
  private bytes: Uint8Array = new Uint8Array(0);
  private count = 0;
  private at = 0;
  private plant = 0;
  /** Batches requested and not yet taken, oldest first: the worker keeps producing while the merge consumes. */
  private requested: Promise<EventBatch>[] = [];
  private pending: { resolve(b: EventBatch): void; reject(e: unknown): void }[] = [];
  private failure: unknown;
  private done = false;

  constructor(options: ResolvedOptions, rules: RulesConfig, w: number, workers: number, private truths: BlockTruth[]) {
    const blocks = Array.from({ length: blockCount(options.students) }, (_, b) => b).filter((b) => b % workers === w);
    const [script, scriptOptions] = workerScript("generate", "generate-worker");
    this.shared = new SharedArrayBuffer(SLOTS * SLOT_BYTES);
    this.worker = new Worker(script, { ...scriptOptions, workerData: { options, rules, blocks, batchLines: BATCH_LINES, shared: this.shared } });
    const fail = (error: unknown) => {
      this.failure ??= error;
      for (const p of this.pending.splice(0)) p.reject(error);
    };
    this.worker.on("message", (batch: EventBatch) => this.pending.shift()?.resolve(batch));
    this.worker.on("error", fail);
    this.worker.on("exit", (code) => fail(new Error(`a generating worker stopped (exit code ${code})`)));
    for (let i = 0; i < BATCHES_AHEAD; i++) this.requested.push(this.request());
  }

  private request(): Promise<EventBatch> {
    if (this.failure) return Promise.reject(this.failure);
    const p = new Promise<EventBatch>((resolve, reject) => this.pending.push({ resolve, reject }));
    p.catch(() => {}); // awaited in fill(); this keeps a failure from going unhandled meanwhile
    this.worker.postMessage("next");
    return p;
  }

  /** True when the events received are used up and the worker may have more. */
  empty(): boolean {
    return this.at === this.count && !this.done;
  }

  /** Waits for the next batch (already requested) and requests another. */
  async fill(): Promise<void> {
    const batch = await this.requested.shift()!;
    this.batch = batch;
    this.count = batch.times.length;
    this.bytes = batch.spilled ?? new Uint8Array(this.shared, batch.slot * SLOT_BYTES, this.count > 0 ? batch.ends[this.count - 1] : 0);
    this.at = 0;
    this.plant = 0;
    if (batch.truths) {
      for (const [b, t] of batch.truths) this.truths[b] = t;
      this.done = true;
    } else this.requested.push(this.request());
  }

  more(): boolean {
    return this.at < this.count;
  }

  time(): number {
    return this.batch!.times[this.at];
  }

  block(): number {
    return this.batch!.blocks[this.at];
  }

  /** True when this stream's next event comes before `other`'s (time, then block). */
  precedes(other: WorkerStream): boolean {
    return eventBefore(this.time(), this.block(), other.time(), other.block());
  }

  /**
   * Takes the next event and every following one of this batch that still precedes `other`'s next event; returns
   * their bytes (one range) after counting their lines and recording their plants in `ledger`.
   */
  takeRun(ledger: LineLedger, other: WorkerStream | undefined): Uint8Array {
    const b = this.batch!;
    const first = this.at;
    const limitTime = other ? other.time() : Infinity;
    const limitBlock = other ? other.block() : 0;
    let k = first;
    do {
      const line = ledger.lines + 1;
      ledger.skip(b.times[k], b.lines[k]);
      for (; this.plant < b.plants.length && b.plants[this.plant][0] === k; this.plant++) {
        const [, j, kind, fault] = b.plants[this.plant];
        ledger.plant(line + j, kind, fault);
      }
      k++;
    } while (k < this.count && eventBefore(b.times[k], b.blocks[k], limitTime, limitBlock));
    this.at = k;
    return this.bytes.subarray(first === 0 ? 0 : b.ends[first - 1], b.ends[k - 1]);
  }

  close(): Promise<number> {
    this.done = true;
    this.count = this.at;
    return this.worker.terminate();
  }
}
