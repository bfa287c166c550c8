import { parseTimestamp } from "../schema/timestamp";
import { EMOTIONS } from "../schema/video-features";
import { defaultRules, DIMENSION_NAMES, taskFocus, type RulesConfig } from "../rules/rules-config";
import { clarityScore, overallScore, tagMasks, taskDimensions, maskNames } from "../rules/score-rules";
import { pyRound } from "../rules/py-round";
import { createRng, type Rng } from "./rng";
import { EventHeap } from "./event-heap";
import { pyDumps, pyInt, pyIsoformat, PyJsonWriter } from "./python-json-writer";
import { scenario, type ResolvedOptions, type ScenarioParams } from "./scenarios";

const DIMS = [DIMENSION_NAMES.star, DIMENSION_NAMES.clarity, DIMENSION_NAMES.reflection] as const;
const STAR_GROUPS = [5, 4, 6, 5]; // keywords per group: situation, task, action, result
const REFLECTION_KEYWORDS = 10;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const AUDIO_EMOTIONS = ["neutral", "happy", "sad", "angry", "fear", "surprise"] as const;
/** Latent SDs of first → last gain that make a student a planted improver. */
const CLEAR_GAIN = 2;
const FAULT_KINDS = ["torn_line", "invalid_json", "wrong_type", "missing_key", "unknown_type"] as const;

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));

interface Student {
  id: string | null;
  g: number;
  theta: number[];
  growth: number[];
  improver: boolean;
  verbosity: number;
  filler: number;
  chinese: boolean;
  sessions: number;
  done: number;
}

type GenEvent = { kind: "session"; student: Student } | { kind: "rereport"; sid: string; row: Record<string, unknown> };

/** The sums behind a Pearson correlation (they add up across blocks). */
export interface CorrSums { n: number; sx: number; sy: number; sxx: number; syy: number; sxy: number }

/** Streaming Pearson correlation accumulator. */
export class Corr {
  n = 0; sx = 0; sy = 0; sxx = 0; syy = 0; sxy = 0;
  add(x: number, y: number) {
    this.n++; this.sx += x; this.sy += y; this.sxx += x * x; this.syy += y * y; this.sxy += x * y;
  }
  sums(): CorrSums {
    return { n: this.n, sx: this.sx, sy: this.sy, sxx: this.sxx, syy: this.syy, sxy: this.sxy };
  }
  merge(o: CorrSums): void {
    this.n += o.n; this.sx += o.sx; this.sy += o.sy; this.sxx += o.sxx; this.syy += o.syy; this.sxy += o.sxy;
  }
  value(): number | null {
    const { n, sx, sy } = this;
    const cov = this.sxy - (sx * sy) / n;
    const vx = this.sxx - (sx * sx) / n;
    const vy = this.syy - (sy * sy) / n;
    return n < 3 || vx <= 0 || vy <= 0 ? null : cov / Math.sqrt(vx * vy);
  }
}

/** What was planted on one line of a block's log. */
export interface LinePlants {
  /** Kept-line quirks (NaN row, re-report, orphan media, guest…). */
  quirks?: string[];
  /** An injected fault (a line the loader must reject or skip). */
  fault?: string;
}

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
  improvers: Record<string, string[]>;
  improvement: Record<string, Record<string, number>>;
  abilityLink: CorrSums[];
}

/** Students simulated together: each block has its own random stream, so blocks can run on separate threads. */
export const BLOCK_STUDENTS = 2000;

/** How many blocks a log of `students` students has. */
export function blockCount(students: number): number {
  return Math.max(1, Math.ceil(students / BLOCK_STUDENTS));
}

/** The seed of block `b`: a fixed function of the log's seed (the same on any machine and for any thread count). */
function blockSeed(seed: number, b: number): number {
  return createRng(seed + 7919 * b).int(0, 2 ** 31 - 2);
}

/**
 * Simulates one block of students (block `b` of `blockCount(options.students)`): yields the lines of each event
 * (a session with its media, or a re-report) in time order, and returns the block's truth.
 */
export function* simulateBlock(options: ResolvedOptions, b: number, rules: RulesConfig = defaultRules()): Generator<EventLines, BlockTruth, undefined> {
  const params: ScenarioParams = { ...scenario(options.scenario), ...options.params };
  const rng = createRng(blockSeed(options.seed, b));
  const start = parseTimestamp(options.start);
  if (start === undefined) throw new Error(`invalid start: ${options.start} is not an ISO 8601 date-time`);
  const students = Math.min(BLOCK_STUDENTS, options.students - b * BLOCK_STUDENTS);
  const q = params.quirks;
  const track = options.trackTruth;
  const sessionIds = new Set<string>();
  const mediaSessions = new Set<string>();
  const users = new Set<string>();
  const improvers: Record<string, string[]> = Object.fromEntries(DIMS.map((d) => [d, []]));
  const improvement: Record<string, Record<string, number>> = Object.fromEntries(DIMS.map((d) => [d, {}]));
  const abilityLink = DIMS.map(() => new Corr());
  const counts = { session_report: 0, media_report: 0, superseded_reports: 0, unknown_type: 0 };

  function newStudent(): Student {
    const g = rng.normal();
    const guest = rng.bernoulli(q.guest);
    const improver = rng.bernoulli(params.improverShare);
    const theta = params.dimensions.map((d) => d.loading * g + Math.sqrt(1 - d.loading ** 2) * rng.normal());
    const growth = params.dimensions.map((d) => {
      if (params.improverShare > 0 && !improver && d.growth > 0) return 0;
      return Math.max(0, rng.normal(d.growth, d.growthSd));
    });
    const [lo, hi] = options.sessions;
    const s: Student = {
      id: guest ? null : `u_${rng.hex(8)}`, g, theta, growth, improver,
      verbosity: rng.normal(0, params.answerLength.studentSd), filler: rng.normal(0, params.filler.studentSd),
      chinese: rng.bernoulli(0.85), sessions: guest ? 1 : rng.int(lo, hi), done: 0,
    };
    if (s.id && track) {
      params.dimensions.forEach((_, k) => {
        if (growth[k] > 0) improvement[DIMS[k]][s.id!] = pyRound(growth[k] * (s.sessions - 1), 3);
      });
    }
    if (s.id && track && s.sessions >= 3) {
      // A clear improvement: the planted latent gain from first to last session is at least 2 SD.
      params.dimensions.forEach((d, k) => {
        if (d.growth > 0 && growth[k] * (s.sessions - 1) >= CLEAR_GAIN) improvers[DIMS[k]].push(s.id!);
      });
    }
    return s;
  }

  let out: LinePlants[] = [];
  let now = 0;
  let lastIntact = -1; // index in `out` of the last line written intact
  const NONE: LinePlants = Object.freeze({});
  const json = new PyJsonWriter();
  /** Ends the line begun in `json` and records what was planted on it. */
  function emit(plant?: { quirk?: string; fault?: string }): void {
    json.byte(10);
    if (!plant?.fault) lastIntact = out.length;
    out.push(plant?.fault ? { fault: plant.fault } : plant?.quirk ? { quirks: [plant.quirk] } : NONE);
  }

  /** Writes a row, or, at the fault rate, a damaged version of it. Returns whether the row survived intact. */
  function writeRow(row: Record<string, unknown>, quirk?: string): boolean {
    if (options.faults > 0 && rng.bernoulli(options.faults)) {
      const kind = rng.pick(FAULT_KINDS);
      if (kind === "unknown_type") {
        json.value({ type: "interview_event", session_id: row.session_id, event: "heartbeat", ts: row.ts });
        emit({ fault: kind });
        counts.unknown_type++;
      } else {
        if (kind === "wrong_type") json.value({ ...row, session_id: pyInt(rng.int(1, 99999)) });
        else if (kind === "missing_key") json.value(Object.fromEntries(Object.entries(row).filter(([k]) => k !== "session_id")));
        else if (kind === "invalid_json") json.raw(pyDumps(row).replace('": "', '" "'));
        else {
          const full = pyDumps(row);
          json.raw(full.slice(0, 1 + Math.floor(rng.uniform() * (full.length - 2))));
        }
        emit({ fault: kind });
        return false;
      }
    }
    json.value(row); // after an unknown-type line, the row itself follows on a line of its own
    emit(quirk ? { quirk } : undefined);
    return true;
  }

  function timestamp(ms: number): { ts: string; quirk?: string } {
    if (rng.bernoulli(q.offsetTs)) {
      const local = new Date(ms + 8 * HOUR).toISOString().slice(0, 19);
      return { ts: `${local}+08:00`, quirk: "offset_ts" };
    }
    if (rng.bernoulli(q.noMicroseconds)) return { ts: pyIsoformat(ms, 0), quirk: "no_microseconds" };
    return { ts: pyIsoformat(ms, rng.int(1, 999_999)) };
  }

  /** Writes the session's media rows; returns how many survived intact. */
  function mediaRows(student: Student, sid: string, when: number, ability: number[], starRisk: boolean): number {
    const ls = params.media.linkStrength;
    const noise = params.media.noise;
    let written = 0;
    const kinds: ("audio" | "video")[] = [];
    if (rng.bernoulli(params.media.audio)) kinds.push("audio");
    if (rng.bernoulli(params.media.video)) kinds.push("video");
    let t = when - rng.int(5, 40) * 60_000;
    for (const kind of kinds) {
      t += rng.int(1, 4) * 60_000;
      const nullAll = rng.bernoulli(q.nullFeatures);
      const clarity = ability[1];
      const g = (ability[0] + ability[1] + ability[2]) / 3;
      let speech: number | null = (student.chinese ? 45 : 140) * Math.exp(0.12 * ls * clarity + 0.15 * noise * rng.normal());
      let pause: number | null;
      const pt = params.plantedThreshold;
      if (pt && pt.feature === "audio.pause_ratio") pause = pt.threshold + (starRisk ? 1 : -1) * pt.separation + 0.05 * rng.normal();
      else pause = 0.22 - 0.05 * ls * clarity + 0.05 * noise * rng.normal();
      pause = clamp(pause, 0.01, 0.95);
      const fillerRate = sigmoid(params.filler.logit + params.filler.abilitySlope * clarity + student.filler);
      let fillerWords: number | null = clamp(fillerRate * Math.exp(0.5 * noise * rng.normal() / Math.max(ls, 0.2)), 0, 1);
      let pitch: number | null = Math.exp(3 + 0.4 * rng.normal());
      let quirk: string | undefined = nullAll ? "null_features" : undefined;
      if (!nullAll && rng.bernoulli(q.nonFinite)) {
        if (rng.bernoulli(0.5)) { speech = Infinity; quirk = "infinity"; } else { pitch = NaN; quirk = "nan"; }
      }
      const r4 = (x: number | null) => (x === null || !Number.isFinite(x) ? x : pyRound(x, 4));
      const audio = nullAll
        ? { speech_rate: null, pause_ratio: null, filler_word_ratio: null, pitch_variance: null, emotion: null }
        : { speech_rate: speech === null || !Number.isFinite(speech) ? speech : pyRound(speech, 1), pause_ratio: r4(pause), filler_word_ratio: r4(fillerWords), pitch_variance: r4(pitch), emotion: rng.pick(AUDIO_EMOTIONS) };
      const row: Record<string, unknown> = { type: "media_report", user_id: student.id, session_id: sid, media_id: `m_${rng.hex(12)}`, media_type: kind, audio_features: audio };
      if (kind === "video") {
        const weights = EMOTIONS.map((e) => rng.exponential(e === "neutral" ? 4 : e === "happy" ? 2 : 0.5));
        const total = weights.reduce((a, b) => a + b, 0);
        const dist: Record<string, number> = {};
        for (let i = 0; i < EMOTIONS.length; i++) dist[EMOTIONS[i]] = pyRound(weights[i] / total, 4);
        const dominant = EMOTIONS[weights.indexOf(Math.max(...weights))];
        const eye = clamp(sigmoid(0.4 + 0.9 * ls * g + 0.6 * noise * rng.normal()), 0, 1);
        row.video_features = nullAll
          ? { eye_contact_score: null, smile_ratio: null, posture_score: null, head_movement_score: null, dominant_emotion: null, emotion_distribution: null }
          : { eye_contact_score: pyRound(eye, 4), smile_ratio: pyRound(clamp(0.2 + 0.1 * rng.normal(), 0, 1), 4), posture_score: pyRound(clamp(0.7 + 0.1 * rng.normal(), 0, 1), 4),
              head_movement_score: pyRound(clamp(0.3 + 0.1 * rng.normal(), 0, 1), 4), dominant_emotion: dominant, emotion_distribution: dist };
      }
      const stamp = timestamp(t);
      row.ts = stamp.ts;
      if (writeRow(row, quirk ?? stamp.quirk)) {
        counts.media_report++;
        written++;
        if (track) {
          mediaSessions.add(sid);
          if (student.id) users.add(student.id);
        }
      }
    }
    return written;
  }

  function session(student: Student, when: number): void {
    const k = student.done++;
    const sid = `s_${rng.hex(16)}`;
    const ability = student.theta.map((th, d) => th + student.growth[d] * k);
    const silent = rng.bernoulli(q.noAnswers);
    const abandoned = rng.bernoulli(q.orphanMedia);
    let scores: number[] | null = null;
    let diag: Record<string, unknown>;
    let avgLen = 0;
    let fillerRatio = 0;
    let coverage = [0, 0, 0, 0];
    if (silent) {
      diag = { total_words: pyInt(0), avg_answer_len: 0, filler_ratio: 0, reflection_score: 0 };
    } else {
      const answers = rng.int(3, 6);
      const al = params.answerLength;
      const len = Math.exp(al.logMean + al.abilitySlope * ability[1] + student.verbosity + al.sessionSd * rng.normal());
      const totalWords = Math.max(answers, Math.round(len * answers));
      avgLen = totalWords / answers;
      const f = params.filler;
      const fillerRate = sigmoid(f.logit + f.abilitySlope * ability[1] + student.filler + f.sessionSd * rng.normal());
      fillerRatio = rng.binomial(totalWords, fillerRate) / totalWords;
      const dims = params.dimensions;
      const pStar = dims[0].arbitrary ? rng.uniform() : sigmoid(0.1 + 1.1 * ability[0]);
      coverage = STAR_GROUPS.map((size) => rng.binomial(size, pStar) / size);
      const star = coverage.some((c) => c > 0) ? pyRound((coverage.reduce((a, b) => a + b, 0) / coverage.length) * 100, 1) : 0;
      const pRefl = dims[2].arbitrary ? rng.uniform() : sigmoid(0.2 + 1.2 * ability[2]);
      const reflection = pyRound((rng.binomial(REFLECTION_KEYWORDS, pRefl) / REFLECTION_KEYWORDS) * 100, 1);
      const clarity = dims[1].arbitrary ? rng.pick([70, 77, 84, 85, 92, 100]) : clarityScore(avgLen, fillerRatio, rules);
      scores = [star, clarity, reflection];
      diag = { total_words: pyInt(totalWords), avg_answer_len: avgLen, filler_ratio: fillerRatio, reflection_score: reflection };
      scores.forEach((s, d) => abilityLink[d].add(ability[d], s));
    }
    const starRisk = scores !== null && scores[0] <= rules.tags.riskAtMost;
    const media = mediaRows(student, sid, when, ability, starRisk);
    if (abandoned) {
      if (media > 0) out[lastIntact] = { quirks: [...(out[lastIntact].quirks ?? []), "orphan_media"] };
      return;
    }
    const evaluation: Record<string, unknown> = { session_id: sid };
    if (scores) {
      const overall = overallScore(scores);
      const masks = tagMasks(scores, rules);
      const tasks = taskDimensions(scores, rules);
      evaluation.overall_score = overall;
      evaluation.score = overall;
      evaluation.dimensions = DIMS.map((name, d) => ({ name, score: d === 1 || scores![d] === 0 ? pyInt(scores![d]) : scores![d], comment: comment(d, scores!, coverage, fillerRatio, avgLen, rules) }));
      evaluation.strength_tags = maskNames(masks.strength, DIMS);
      evaluation.risk_tags = maskNames(masks.risk, DIMS);
      evaluation.suggested_next_tasks = tasks.length > 0 ? tasks.map((d) => ({ type: rules.tasks.type, focus: taskFocus(rules, DIMS[d]), suggested_duration_min: pyInt(rules.tasks.durationMin) })) : null;
      evaluation.timeline_events = rng.bernoulli(q.timeline) ? timeline(rng, scores) : null;
    } else {
      Object.assign(evaluation, { overall_score: null, score: null, dimensions: null, strength_tags: null, risk_tags: null, suggested_next_tasks: null, timeline_events: null });
    }
    const stamp = timestamp(when);
    const row = { type: "session_report", user_id: student.id, session_id: sid, evaluation, diagnostics: diag, ts: stamp.ts };
    const quirk = silent ? "no_answers" : student.id === null ? "guest" : stamp.quirk;
    if (writeRow(row, quirk)) {
      counts.session_report++;
      if (track) {
        sessionIds.add(sid);
        if (student.id) users.add(student.id);
      }
    }
    if (rng.bernoulli(q.rereport)) {
      const later = when + rng.exponential(2 * DAY);
      heap.push(later, { kind: "rereport", sid, row });
    }
  }

  const heap = new EventHeap<GenEvent>();
  let arrived = 0;
  let nextArrival = start;
  const arrivalGap = (60 * DAY) / Math.max(1, students);
  for (;;) {
    while (arrived < students && nextArrival <= heap.peekTime()) {
      heap.push(nextArrival, { kind: "session", student: newStudent() });
      arrived++;
      nextArrival += rng.exponential(arrivalGap);
    }
    const ev = heap.pop();
    if (!ev) break;
    now = ev.time;
    json.reset(); // the previous event's lines have been taken

    if (ev.value.kind === "session") {
      const s = ev.value.student;
      session(s, ev.time);
      if (s.done < s.sessions) heap.push(ev.time + rng.int(1, 7) * DAY + rng.int(0, 12) * HOUR, { kind: "session", student: s });
    } else {
      const row = { ...ev.value.row };
      const stamp = timestamp(ev.time);
      row.ts = stamp.ts;
      if (writeRow(row, "rereport")) {
        counts.session_report++;
        if (!track || sessionIds.has(ev.value.sid)) counts.superseded_reports++;
        if (track) sessionIds.add(ev.value.sid);
      }
    }
    if (out.length > 0) {
      yield { time: now, bytes: json.view(0), lines: out };
      out = [];
    }
  }
  const unknown = -1;
  return {
    counts: {
      ...counts,
      sessions: track ? sessionIds.size : unknown,
      users: track ? users.size : unknown,
      sessions_with_media: track ? [...mediaSessions].filter((s) => sessionIds.has(s)).length : unknown,
      orphan_media_sessions: track ? [...mediaSessions].filter((s) => !sessionIds.has(s)).length : unknown,
    },
    improvers,
    improvement,
    abilityLink: abilityLink.map((c) => c.sums()),
  };
}

function comment(d: number, scores: number[], coverage: number[], fillerRatio: number, avgLen: number, rules: RulesConfig): string | null {
  if (d === 0) {
    const weak = coverage[2] < rules.star.commentCoverage || coverage[3] < rules.star.commentCoverage;
    return weak ? "行动和结果部分不够具体，建议按 STAR 结构补充。" : "结构较完整，情境、任务、行动、结果均有覆盖。";
  }
  if (d === 1) {
    if (fillerRatio > rules.clarity.fillerComment) return "口头禅偏多，注意减少“嗯”“那个”等填充词。";
    return avgLen > rules.clarity.length.mid ? "回答偏长，可以更精炼。" : null;
  }
  return scores[2] < rules.reflection.commentThreshold ? "缺少对经历的复盘，建议说明学到了什么。" : "能够反思经历并总结成长。";
}

function timeline(rng: Rng, scores: number[]): { timestamp: number; type: string; message: string }[] {
  const n = rng.int(1, 3);
  const events = [];
  let t = 0;
  for (let i = 0; i < n; i++) {
    t += pyRound(rng.uniform() * 120 + 5, 1);
    const type = scores[i % 3] >= 75 ? "strength" : scores[i % 3] <= 50 ? "gap" : "neutral";
    const message = type === "strength" ? "清楚地说明了背景与目标" : type === "gap" ? "缺少对结果的量化描述" : "回答节奏平稳";
    events.push({ timestamp: pyRound(t, 1), type, message });
  }
  return events;
}
