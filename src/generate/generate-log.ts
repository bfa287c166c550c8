import { defaultRules, type RulesConfig } from "../rules/rules-config";
import { PearsonSums } from "../stats/pearson-sums";
import { averageRanks, sortedPresent } from "../stats/average-ranks";
import { createRng } from "./rng";
import { EventHeap } from "./event-heap";
import { pyDumps, pyIsoformat } from "./python-json-writer";
import { GenerateOptions, scenario, type ResolvedOptions, type ScenarioParams } from "./scenarios";
import { blockCount, simulateBlock, type BlockTruth, type EventLines } from "./simulate-block";
import type { LinePlants } from "./faults";
import { NULL_FEATURES, plantedFeatures } from "./planted-links";
import { unreachableTags } from "../rules/score-lattice";
import type { LinePlant, Truth } from "./truth";

/** A streaming generator: `lines` yields each line of the log (with its newline), `truth()` what was planted. */
export interface LogGenerator {
  lines: Generator<string, void, undefined>;
  /** What was planted; complete once `lines` is exhausted. */
  truth(): Truth;
}

/** An event's lines with the block they come from: the merge orders events by time, then block. */
export interface BlockEvent extends EventLines {
  block: number;
}

/** The log's order of events: by time, then block number (the same whether blocks run on one thread or several). */
export function eventBefore(time: number, block: number, otherTime: number, otherBlock: number): boolean {
  return time < otherTime || (time === otherTime && block < otherBlock);
}

/** Simulates the given blocks and merges their events in log order (`mergeBlocks`); their truths go to `truths`. */
export function mergedEvents(options: ResolvedOptions, rules: RulesConfig, blocks: readonly number[], truths: BlockTruth[]): Generator<BlockEvent, void, undefined> {
  return mergeBlocks(blocks.map((block) => ({ block, events: simulateBlock(options, block, rules) })), truths);
}

/**
 * Merges blocks' event streams (each in time order) into one, in log order (`eventBefore`). Stores each block's
 * truth in `truths[block]` when it ends.
 */
export function* mergeBlocks(blocks: { block: number; events: Iterator<EventLines, BlockTruth> }[], truths: BlockTruth[]): Generator<BlockEvent, void, undefined> {
  const heads = new EventHeap<BlockEvent>();
  const iters = new Map(blocks.map((b) => [b.block, b.events]));
  const advance = (block: number) => {
    const next = iters.get(block)!.next();
    if (next.done) truths[block] = next.value;
    else {
      const event = next.value as BlockEvent; // a fresh object per event: tagged in place
      event.block = block;
      heads.push(event.time, event, block); // one head per block: ties on time go by block (`eventBefore`)
    }
  };
  for (const b of blocks) advance(b.block);
  for (let top = heads.pop(); top; top = heads.pop()) {
    yield top.value;
    advance(top.value.block);
  }
}

/** Numbers the merged lines and records where every fault and quirk landed. */
export class LineLedger {
  lines = 0;
  lastTime = -Infinity;
  readonly faults: LinePlant[] = [];
  readonly quirks: LinePlant[] = [];

  /** `keepQuirks: false` (a log generated without `trackTruth`) records faults only: memory stays flat in lines. */
  constructor(readonly keepQuirks = true) {}

  /** Counts an event's lines and records their plants. */
  count(event: EventLines): void {
    this.skip(event.time, event.lines.length);
    const first = this.lines - event.lines.length + 1;
    event.lines.forEach((plants, j) => this.record(first + j, plants));
  }

  /** Counts an event (`count`) and returns its lines, in order, with their newlines. */
  take(event: EventLines): string[] {
    this.count(event);
    const text = Buffer.from(event.bytes.buffer, event.bytes.byteOffset, event.bytes.length).toString("utf8");
    return text.slice(0, -1).split("\n").map((line) => `${line}\n`);
  }

  /** Counts `n` lines of an event at `time` (their plants are recorded by `record`). */
  skip(time: number, n: number): void {
    this.lastTime = Math.max(this.lastTime, time);
    this.lines += n;
  }

  /** Records what was planted on line `line`. */
  record(line: number, plants: LinePlants): void {
    if (plants.fault) this.plant(line, plants.fault, true);
    if (plants.quirks) for (const kind of plants.quirks) this.plant(line, kind, false);
  }

  /** Records one fault or kept quirk on line `line` (quirks only when `keepQuirks`). */
  plant(line: number, kind: string, fault: boolean): void {
    if (fault) this.faults.push({ line, kind });
    else if (this.keepQuirks) this.quirks.push({ line, kind });
  }

  /** With faults, a last line cut short by a dying writer (no newline); `undefined` otherwise. */
  tornLast(options: ResolvedOptions): string | undefined {
    if (options.faults <= 0) return undefined;
    const rng = createRng(options.seed);
    const full = pyDumps({ type: "media_report", user_id: null, session_id: `s_${rng.hex(16)}`, media_id: `m_${rng.hex(12)}`, media_type: "audio", ts: pyIsoformat(Math.max(0, this.lastTime), 1) });
    this.skip(this.lastTime, 1);
    this.record(this.lines, { fault: "torn_line" });
    return full.slice(0, Math.max(2, Math.floor(full.length / 2)));
  }
}

/** The blocks' lists end to end, as one typed array. */
function concat(parts: readonly (readonly number[])[]): Float64Array {
  const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) for (let i = 0; i < p.length; i++) out[at++] = p[i];
  return out;
}

/** Spearman's ρ of two complete columns (Pearson's r of the average ranks), in typed arrays: the truth's length link over millions of sessions. */
function rankCorrelation(x: Float64Array, y: Float64Array): number | null {
  const ranksOf = (v: Float64Array) => {
    const order = sortedPresent(v);
    const sorted = averageRanks(v, order);
    const ranks = new Float64Array(v.length);
    for (let k = 0; k < order.length; k++) ranks[order[k]] = sorted[k];
    return ranks;
  };
  const rx = ranksOf(x);
  const ry = ranksOf(y);
  const c = new PearsonSums();
  for (let i = 0; i < rx.length; i++) c.add(rx[i], ry[i]);
  return c.value();
}

/** What the analysis should find for dimension `d` of a scenario: its flags and verdict. */
function expectedQuality(params: ScenarioParams, d: number): { verdict: "ok" | "concentrated" | "arbitrary"; flags: Truth["dimensions"][string]["expected_flags"] } {
  const m = params.dimensions[d];
  const noSignal = m.arbitrary || m.lengthDriven;
  const piled = params.name === "ceiling" && d === 1;
  // A score piled at its ceiling (over 90% of sessions at 100 here) keeps little of the between-student spread: it
  // tracks the ability (its links stand) but is unstable for the same student (realised reliability ~0.1, ICC ~0.2–0.4).
  // A length-driven keyword share in a log of two languages goes with speech_rate through the language (see Truth).
  const mixed = params.language.english > 0 && params.language.english < 1;
  const flags = { concentrated: piled, unreliable: noSignal || piled, length_driven: m.lengthDriven, unsupported: m.lengthDriven && mixed ? null : noSignal };
  return { flags, verdict: noSignal ? "arbitrary" : flags.concentrated ? "concentrated" : "ok" };
}

/** The whole log's truth from its blocks' truths (in block order) and the ledger of its lines. */
export function combineTruth(options: ResolvedOptions, truths: BlockTruth[], ledger: LineLedger, rules: RulesConfig = defaultRules()): Truth {
  const params: ScenarioParams = { ...scenario(options.scenario), ...options.params };
  const dims = [rules.star.dimension, rules.clarity.dimension, rules.reflection.dimension];
  const sum = (key: keyof BlockTruth["counts"]) => truths.reduce((a, t) => a + t.counts[key], 0);
  const tracked = (key: keyof BlockTruth["counts"]) => (options.trackTruth ? sum(key) : -1);
  const links = dims.map((_, d) => {
    const c = new PearsonSums();
    for (const t of truths) c.merge(t.abilityLink[d]);
    return c.value();
  });
  const words = options.trackTruth ? concat(truths.map((t) => t.words)) : new Float64Array(0);
  const lengthR = dims.map((_, d) => (options.trackTruth ? rankCorrelation(concat(truths.map((t) => t.scores[d])), words) : null));
  const pt = params.plantedThreshold;
  return {
    options: { scenario: options.scenario, students: options.students, sessions: options.sessions, seed: options.seed, start: options.start, faults: options.faults },
    params,
    counts: {
      lines: ledger.lines,
      session_report: sum("session_report"),
      media_report: sum("media_report"),
      superseded_reports: sum("superseded_reports"),
      unknown_type: sum("unknown_type"),
      sessions: tracked("sessions"),
      users: tracked("users"),
      sessions_with_media: tracked("sessions_with_media"),
      orphan_media_sessions: tracked("orphan_media_sessions"),
    },
    dimensions: Object.fromEntries(dims.map((name, d) => {
      const m = params.dimensions[d];
      const q = expectedQuality(params, d);
      return [name, { loading: m.loading, growth: m.growth, arbitrary: m.arbitrary, length_driven: m.lengthDriven, expected_verdict: q.verdict, expected_flags: q.flags,
        length_r: lengthR[d], ability_link: links[d], reliability: links[d] === null ? null : links[d]! * links[d]! }];
    })),
    features: plantedFeatures(params),
    null_features: [...NULL_FEATURES],
    unreachable_tags: unreachableTags(rules),
    planted_threshold: pt ? { feature: pt.feature, outcome: pt.outcome, threshold: pt.threshold, direction: "above" } : null,
    improvers: Object.fromEntries(dims.map((name, d) => [name, truths.flatMap((t) => t.improvers[d])])),
    improvement: Object.fromEntries(dims.map((name, d) => [name, Object.assign({}, ...truths.map((t) => t.improvement[d])) as Record<string, number>])),
    faults: ledger.faults,
    quirks: ledger.quirks,
  };
}

/**
 * Generates a realistic metrics.log by simulating the backend's own path: students with latent abilities that
 * grow with practice, answers whose statistics become the diagnostics, today's rules (`defaultRules()`) turning
 * them into scores, tags and tasks, media whose features follow the abilities; the log's quirks at the scenario's
 * rates and, with `faults`, injected bad lines. Students are simulated in blocks of `BLOCK_STUDENTS`, each with its
 * own random stream, merged in time order: deterministic, the same options give the same bytes (`writeLog` runs
 * the blocks on worker threads and writes the same bytes). Memory stays flat in the number of rows (it grows only
 * with the truth's lists of planted lines).
 *
 * @example
 * const gen = generateLog({ scenario: "baseline", students: 100, seed: 7 });
 * for (const line of gen.lines) process.stdout.write(line);
 * gen.truth().counts.sessions
 */
export function generateLog(input: GenerateOptions = {}, rules: RulesConfig = defaultRules()): LogGenerator {
  const options = GenerateOptions.parse(input);
  const truths: BlockTruth[] = [];
  const ledger = new LineLedger(options.trackTruth);
  let finished = false;
  function* run(): Generator<string, void, undefined> {
    const blocks = Array.from({ length: blockCount(options.students) }, (_, block) => block);
    for (const event of mergedEvents(options, rules, blocks, truths)) yield* ledger.take(event);
    const torn = ledger.tornLast(options);
    if (torn !== undefined) yield torn;
    finished = true;
  }
  return {
    lines: run(),
    truth(): Truth {
      if (!finished) throw new Error("truth() is complete only once every line has been read");
      return combineTruth(options, truths, ledger, rules);
    },
  };
}
