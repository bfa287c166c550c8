import { parseTimestamp } from "../schema/timestamp";
import { EMOTIONS } from "../schema/video-features";
import { defaultRules, DIMENSION_NAMES, taskFocus, type RulesConfig } from "../rules/rules-config";
import { clarityScore, overallScore, tagMasks, taskDimensions, maskNames } from "../rules/score-rules";
import { pyRound } from "../rules/py-round";
import { createRng, type Rng } from "./rng";
import { EventHeap } from "./event-heap";
import { pyDumps, pyInt, pyIsoformat } from "./python-json-writer";
import { GenerateOptions, scenario, type ScenarioParams } from "./scenarios";
import type { LinePlant, Truth } from "./truth";

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

/** A streaming generator: `lines` yields each line of the log (with its newline), `truth()` what was planted. */
export interface LogGenerator {
  lines: Generator<string, void, undefined>;
  /** What was planted; complete once `lines` is exhausted. */
  truth(): Truth;
}

/** Streaming Pearson correlation accumulator. */
class Corr {
  n = 0; sx = 0; sy = 0; sxx = 0; syy = 0; sxy = 0;
  add(x: number, y: number) {
    this.n++; this.sx += x; this.sy += y; this.sxx += x * x; this.syy += y * y; this.sxy += x * y;
  }
  value(): number | null {
    const { n, sx, sy } = this;
    const cov = this.sxy - (sx * sy) / n;
    const vx = this.sxx - (sx * sx) / n;
    const vy = this.syy - (sy * sy) / n;
    return n < 3 || vx <= 0 || vy <= 0 ? null : cov / Math.sqrt(vx * vy);
  }
}

/**
 * Generates a realistic metrics.log by simulating the backend's own path: students with latent abilities that
 * grow with practice, answers whose statistics become the diagnostics, today's rules (`defaultRules()`) turning
 * them into scores, tags and tasks, media whose features follow the abilities; the log's quirks at the scenario's
 * rates and, with `faults`, injected bad lines. Deterministic: the same options give the same bytes.
 * Memory stays flat in the number of rows (it grows only with the truth's lists of planted lines).
 *
 * @example
 * const gen = generateLog({ scenario: "baseline", students: 100, seed: 7 });
 * for (const line of gen.lines) process.stdout.write(line);
 * gen.truth().counts.sessions
 */
export function generateLog(input: GenerateOptions = {}, rules: RulesConfig = defaultRules()): LogGenerator {
  const options = GenerateOptions.parse(input);
  const params: ScenarioParams = { ...scenario(options.scenario), ...options.params };
  const rng = createRng(options.seed);
  const start = parseTimestamp(options.start);
  if (start === undefined) throw new Error(`invalid start: ${options.start} is not an ISO 8601 date-time`);
  const q = params.quirks;
  const track = options.trackTruth;

  const faults: LinePlant[] = [];
  const quirks: LinePlant[] = [];
  const sessionIds = new Set<string>();
  const mediaSessions = new Set<string>();
  const users = new Set<string>();
  const improvers: Record<string, string[]> = Object.fromEntries(DIMS.map((d) => [d, []]));
  const improvement: Record<string, Record<string, number>> = Object.fromEntries(DIMS.map((d) => [d, {}]));
  const abilityLink = DIMS.map(() => new Corr());
  const counts = { lines: 0, session_report: 0, media_report: 0, superseded_reports: 0, unknown_type: 0 };
  let finished = false;

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
    if (s.id) {
      params.dimensions.forEach((_, k) => {
        if (growth[k] > 0) improvement[DIMS[k]][s.id!] = pyRound(growth[k] * (s.sessions - 1), 3);
      });
    }
    if (s.id && s.sessions >= 3) {
      // A clear improvement: the planted latent gain from first to last session is at least 2 SD.
      params.dimensions.forEach((d, k) => {
        if (d.growth > 0 && growth[k] * (s.sessions - 1) >= CLEAR_GAIN) improvers[DIMS[k]].push(s.id!);
      });
    }
    return s;
  }

  const out: string[] = [];
  function emit(text: string, plant?: { quirk?: string; fault?: string }): void {
    counts.lines++;
    if (plant?.quirk) quirks.push({ line: counts.lines, kind: plant.quirk });
    if (plant?.fault) faults.push({ line: counts.lines, kind: plant.fault });
    out.push(text);
  }

  /** Writes a row, or, at the fault rate, a damaged version of it. Returns whether the row survived intact. */
  function writeRow(row: Record<string, unknown>, quirk?: string): boolean {
    if (options.faults > 0 && rng.bernoulli(options.faults)) {
      const kind = rng.pick(FAULT_KINDS);
      if (kind === "unknown_type") {
        emit(`${pyDumps({ type: "interview_event", session_id: row.session_id, event: "heartbeat", ts: row.ts })}\n`, { fault: kind });
        counts.unknown_type++;
      } else {
        let text: string;
        if (kind === "wrong_type") text = pyDumps({ ...row, session_id: pyInt(rng.int(1, 99999)) });
        else if (kind === "missing_key") text = pyDumps(Object.fromEntries(Object.entries(row).filter(([k]) => k !== "session_id")));
        else if (kind === "invalid_json") text = pyDumps(row).replace('": "', '" "');
        else {
          const full = pyDumps(row);
          text = full.slice(0, 1 + Math.floor(rng.uniform() * (full.length - 2)));
        }
        emit(`${text}\n`, { fault: kind });
        return false;
      }
    }
    emit(`${pyDumps(row)}\n`, quirk ? { quirk } : undefined);
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
        const dist = Object.fromEntries(EMOTIONS.map((e, i) => [e, pyRound(weights[i] / total, 4)]));
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
      if (media > 0) quirks.push({ line: counts.lines, kind: "orphan_media" });
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
  const arrivalGap = (60 * DAY) / Math.max(1, options.students);

  function* run(): Generator<string, void, undefined> {
    for (;;) {
      while (arrived < options.students && nextArrival <= heap.peekTime()) {
        heap.push(nextArrival, { kind: "session", student: newStudent() });
        arrived++;
        nextArrival += rng.exponential(arrivalGap);
      }
      const ev = heap.pop();
      if (!ev) break;
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
      for (const line of out) yield line;
      out.length = 0;
    }
    if (options.faults > 0) {
      // A writer that died mid-line: the last line has no newline.
      const full = pyDumps({ type: "media_report", user_id: null, session_id: `s_${rng.hex(16)}`, media_id: `m_${rng.hex(12)}`, media_type: "audio", ts: pyIsoformat(nextArrival, 1) });
      emit(full.slice(0, Math.max(2, Math.floor(full.length / 2))), { fault: "torn_line" });
      for (const line of out) yield line;
      out.length = 0;
    }
    finished = true;
  }

  return {
    lines: run(),
    truth(): Truth {
      if (!finished) throw new Error("truth() is complete only once every line has been read");
      const expected = (d: number): "ok" | "concentrated" | "arbitrary" =>
        params.dimensions[d].arbitrary ? "arbitrary" : params.name === "ceiling" && d === 1 ? "concentrated" : "ok";
      const ls = params.media.linkStrength;
      const pt = params.plantedThreshold;
      return {
        options: { scenario: options.scenario, students: options.students, sessions: options.sessions, seed: options.seed, start: options.start, faults: options.faults },
        params,
        counts: track
          ? {
              ...counts,
              sessions: sessionIds.size,
              users: users.size,
              sessions_with_media: [...mediaSessions].filter((s) => sessionIds.has(s)).length,
              orphan_media_sessions: [...mediaSessions].filter((s) => !sessionIds.has(s)).length,
            }
          : { ...counts, sessions: -1, users: -1, sessions_with_media: -1, orphan_media_sessions: -1 },
        dimensions: Object.fromEntries(DIMS.map((name, d) => {
          const link = abilityLink[d].value();
          return [name, { loading: params.dimensions[d].loading, growth: params.dimensions[d].growth, arbitrary: params.dimensions[d].arbitrary,
            expected_verdict: expected(d), ability_link: link, reliability: link === null ? null : link * link }];
        })),
        features: {
          "audio.speech_rate": { [DIMS[1]]: 0.12 * ls },
          "audio.pause_ratio": pt && pt.feature === "audio.pause_ratio" ? { [`risk:${DIMS[0]}`]: 1 } : { [DIMS[1]]: -0.05 * ls },
          "audio.filler_word_ratio": { [DIMS[1]]: -ls },
          "audio.pitch_variance": {},
          "video.eye_contact_score": { overall_score: 0.9 * ls },
          "video.smile_ratio": {},
          "video.posture_score": {},
          "video.head_movement_score": {},
        },
        planted_threshold: pt ? { feature: pt.feature, outcome: pt.outcome, threshold: pt.threshold, direction: "above" } : null,
        improvers,
        improvement,
        faults,
        quirks,
      };
    },
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
