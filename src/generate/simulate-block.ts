import { parseTimestamp } from "../schema/timestamp";
import { defaultRules, type RulesConfig } from "../rules/rules-config";
import { PearsonSums, type CorrSums } from "../stats/pearson-sums";
import { scoreCounts } from "../rules/backend-scoring";
import { createRng } from "./rng";
import { EventHeap } from "./event-heap";
import { idMaker } from "./ids";
import { scenario, type ResolvedOptions, type ScenarioParams } from "./scenarios";
import { abilityAt, newStudent, plantedGains, type Student } from "./students";
import { silentAnswers, simulateAnswers } from "./answers";
import { sessionRow, timelineEvents } from "./session-rows";
import { mediaRows } from "./media-rows";
import { RowSink, type LinePlants } from "./faults";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const DIMENSIONS = 3;

type GenEvent = { kind: "session"; student: Student } | { kind: "rereport"; sid: string; row: Record<string, unknown> };

/** The lines one event of a block wrote (a session with its media, or a re-report), in order. */
export interface EventLines {
  time: number;
  /** The lines as UTF-8, each ending with a newline: a view into the block's buffer, valid until its next event. */
  bytes: Uint8Array;
  /** One entry per line. */
  lines: LinePlants[];
}

/** A block's share of the truth: counts and sums that add up across blocks (students never span two). */
export interface BlockTruth {
  counts: { session_report: number; media_report: number; superseded_reports: number; unknown_type: number; sessions: number; users: number; sessions_with_media: number; orphan_media_sessions: number };
  /** Per dimension index, the user_ids of the planted improvers. */
  improvers: string[][];
  /** Per dimension index, each user's planted gain. */
  improvement: Record<string, number>[];
  abilityLink: CorrSums[];
  /** With `trackTruth`: each reported session's total_words and scores (per dimension index), for the length link. */
  words: number[];
  scores: number[][];
}

/** Students simulated together: each block has its own random stream, so blocks can run on separate threads. */
export const BLOCK_STUDENTS = 2000;

/** How many blocks a log of `students` students has. */
export function blockCount(students: number): number {
  return Math.max(1, Math.ceil(students / BLOCK_STUDENTS));
}

/**
 * The seeds of block `b`, fixed functions of the log's seed (the same on any machine and for any thread count): its
 * simulation's, and its faults', the next draw. Faults have a stream of their own, so that drawing them leaves the
 * simulation's draws alone: a faulted log is its clean twin with lines damaged or added.
 */
function blockSeeds(seed: number, b: number): { simulation: number; faults: number } {
  const r = createRng(seed + 7919 * b);
  const simulation = r.int(0, 2 ** 31 - 2);
  return { simulation, faults: r.int(0, 2 ** 31 - 2) };
}

/** What a block keeps for its truth while it runs. */
class BlockLedger {
  readonly sessionIds = new Set<string>();
  readonly mediaSessions = new Set<string>();
  readonly users = new Set<string>();
  readonly counts = { session_report: 0, media_report: 0, superseded_reports: 0 };
  readonly improvers: string[][] = Array.from({ length: DIMENSIONS }, () => []);
  readonly improvement: Record<string, number>[] = Array.from({ length: DIMENSIONS }, () => ({}));
  readonly abilityLink = Array.from({ length: DIMENSIONS }, () => new PearsonSums());
  readonly words: number[] = [];
  readonly scores: number[][] = Array.from({ length: DIMENSIONS }, () => []);
  constructor(readonly track: boolean) {}

  student(s: Student, params: ScenarioParams): void {
    if (!this.track || s.id === null) return;
    const planted = plantedGains(s, params);
    planted.gain.forEach((g, k) => { if (g !== undefined) this.improvement[k][s.id!] = g; });
    planted.improver.forEach((yes, k) => { if (yes) this.improvers[k].push(s.id!); });
  }

  truth(unknownType: number): BlockTruth {
    const t = this.track;
    const unknown = -1;
    return {
      counts: {
        ...this.counts, unknown_type: unknownType,
        sessions: t ? this.sessionIds.size : unknown,
        users: t ? this.users.size : unknown,
        sessions_with_media: t ? [...this.mediaSessions].filter((s) => this.sessionIds.has(s)).length : unknown,
        orphan_media_sessions: t ? [...this.mediaSessions].filter((s) => !this.sessionIds.has(s)).length : unknown,
      },
      improvers: this.improvers, improvement: this.improvement, abilityLink: this.abilityLink.map((c) => c.sums()),
      words: this.words, scores: this.scores,
    };
  }
}

/**
 * Simulates one block of students (block `b` of `blockCount(options.students)`): yields the lines of each event
 * (a session with its media, or a re-report) in time order, and returns the block's truth.
 */
export function* simulateBlock(options: ResolvedOptions, b: number, rules: RulesConfig = defaultRules()): Generator<EventLines, BlockTruth, undefined> {
  const params: ScenarioParams = { ...scenario(options.scenario), ...options.params };
  const seeds = blockSeeds(options.seed, b);
  const rng = createRng(seeds.simulation);
  const ids = idMaker(options.seed);
  const start = parseTimestamp(options.start);
  if (start === undefined) throw new Error(`invalid start: ${options.start} is not an ISO 8601 date-time`);
  const students = Math.min(BLOCK_STUDENTS, options.students - b * BLOCK_STUDENTS);
  const ledger = new BlockLedger(options.trackTruth);
  const sink = new RowSink(rng, params.quirks, options.faults, createRng(seeds.faults));
  const heap = new EventHeap<GenEvent>();
  let sessionNo = 0;
  let mediaNo = 0;

  function session(student: Student, when: number): void {
    const sid = ids.session(b, sessionNo++);
    const ability = abilityAt(student, student.done++);
    const answers = rng.bernoulli(params.quirks.noAnswers) ? silentAnswers(rng, params) : simulateAnswers(rng, student, ability, params);
    const abandoned = rng.bernoulli(params.quirks.orphanMedia);
    const scores = scoreCounts(answers, rules);
    const dims = scores.dimensions;
    if (dims) dims.forEach((d, k) => ledger.abilityLink[k].add(ability[k], d.score));
    const starRisk = dims !== null && dims[0].score <= rules.tags.riskAtMost;
    for (const m of mediaRows(rng, params, { student, sid, when, ability, starRisk }, () => ids.media(b, mediaNo++))) {
      if (!sink.write(m.row, m.time, m.quirks)) continue;
      ledger.counts.media_report++;
      if (ledger.track) {
        ledger.mediaSessions.add(sid);
        if (student.id) ledger.users.add(student.id);
      }
    }
    if (abandoned) return sink.markLastIntact("orphan_media");
    const row = sessionRow(student.id, sid, scores, rng.bernoulli(params.quirks.timeline) ? timelineEvents(rng) : null);
    const quirk = !answers.said ? ["no_answers"] : student.id === null ? ["guest"] : [];
    if (sink.write(row, when, quirk)) {
      ledger.counts.session_report++;
      if (ledger.track) {
        ledger.sessionIds.add(sid);
        if (student.id) ledger.users.add(student.id);
        if (dims) {
          ledger.words.push(answers.total_words);
          dims.forEach((d, k) => ledger.scores[k].push(d.score));
        }
      }
    }
    if (rng.bernoulli(params.quirks.rereport)) heap.push(when + rng.exponential(2 * DAY), { kind: "rereport", sid, row });
  }

  function rereport(sid: string, row: Record<string, unknown>, when: number): void {
    if (!sink.write({ ...row }, when, ["rereport"])) return;
    ledger.counts.session_report++;
    if (!ledger.track || ledger.sessionIds.has(sid)) ledger.counts.superseded_reports++;
    if (ledger.track) ledger.sessionIds.add(sid);
  }

  let arrived = 0;
  let nextArrival = start;
  const arrivalGap = (60 * DAY) / Math.max(1, students);
  for (;;) {
    while (arrived < students && nextArrival <= heap.peekTime()) {
      const s = newStudent(rng, params, options, ids.user(b * BLOCK_STUDENTS + arrived));
      ledger.student(s, params);
      heap.push(nextArrival, { kind: "session", student: s });
      arrived++;
      nextArrival += rng.exponential(arrivalGap);
    }
    const ev = heap.pop();
    if (!ev) break;
    sink.reset(); // the previous event's lines have been taken
    if (ev.value.kind === "session") {
      const s = ev.value.student;
      session(s, ev.time);
      if (s.done < s.sessions) heap.push(ev.time + rng.int(1, 7) * DAY + rng.int(0, 12) * HOUR, { kind: "session", student: s });
    } else rereport(ev.value.sid, ev.value.row, ev.time);
    if (sink.lines.length > 0) yield { time: ev.time, bytes: sink.json.view(0), lines: sink.lines };
  }
  return ledger.truth(sink.unknownType);
}
