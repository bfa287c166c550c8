import { createRng, type Rng } from "../../src/generate/rng";
import { pyDumps, pyInt, pyIsoformat } from "../../src/generate/python-json-writer";
import { FILLER_WORDS, REFLECTION_KEYWORDS, STAR_GROUPS, scoreAnswers } from "../../src/rules/backend-scoring";
import { defaultRules, DIMENSION_NAMES, taskFocus } from "../../src/rules/rules-config";
import { overallScore, taskDimensions } from "../../src/rules/score-rules";

/**
 * A test log scored the way the backend really scores: simulated answer texts (a number of answers per session, a
 * length per answer, the fillers and keywords a candidate uses) go through the transcription of the backend's
 * scoring (`src/rules/backend-scoring.ts`). What is planted, per dimension:
 * - 结构化表达（STAR）: a pure length confound — every word has the same small chance of being a STAR keyword,
 *   whoever speaks, so coverage of the joined answers rises with how much is said (a talkativeness trait).
 * - 表达清晰度: fillers per word fall with skill and, for the improvers, with practice (0.07 → 0.005 over their
 *   sessions); eye contact tracks the same skill and growth.
 * - 反思与成长意识: a closing remark whose reflection keywords depend on a stable trait, not on length.
 * - 运气指数 (`COIN`): a uniform draw 0–100, nothing the student can influence.
 * Null media features (no link to anything): `NULL_FEATURES`.
 */
export const COIN = "运气指数";

/** Media features planted with no link to any score. */
export const NULL_FEATURES = [
  "audio.speech_rate", "audio.pause_ratio", "audio.pitch_variance", "video.smile_ratio", "video.posture_score", "video.head_movement_score",
  ...["angry", "disgust", "fear", "happy", "sad", "surprise", "neutral"].map((e) => `video.emotion_distribution.${e}`),
];

const NEUTRAL = ["zorp", "blip", "frax", "quen", "vost", "mirk", "welp", "gorn", "fisk", "brop"];
const STAR_KEYWORDS = STAR_GROUPS.flat();
const EMOTIONS = ["angry", "disgust", "fear", "happy", "sad", "surprise", "neutral"] as const;

export interface BackendLog {
  lines: string[];
  /** Students planted as clarity improvers (fillers 0.07 → 0.005 from first to last session). */
  improvers: Set<string>;
  students: number;
}

/** One session's answers: `answers` answers of about `length` words, fillers at `fillerRate` per word, STAR keywords at `starRate`. */
function answerTexts(rng: Rng, answers: number, length: number, fillerRate: number, starRate: number, reflection: number): string[] {
  const out: string[] = [];
  for (let a = 0; a < answers; a++) {
    const words: string[] = [];
    const n = Math.max(3, Math.round(length * Math.exp(rng.normal(0, 0.25))));
    for (let w = 0; w < n; w++) {
      const u = rng.uniform();
      words.push(u < fillerRate ? rng.pick(FILLER_WORDS.slice(0, 8)) : u < fillerRate + starRate ? rng.pick(STAR_KEYWORDS) : rng.pick(NEUTRAL));
    }
    out.push(words.join(" "));
  }
  // The closing remark: each reflection keyword with a chance set by the trait, whatever the length.
  const p = 0.9 / (1 + Math.exp(-2 * reflection));
  out[out.length - 1] += ` ${REFLECTION_KEYWORDS.filter(() => rng.bernoulli(p)).join(" ")}`;
  return out;
}

/**
 * Generates the log: `students` students with 3–6 sessions each, one video recording per session.
 *
 * @example backendLog({ students: 300, seed: 1 }).lines.length // ≈ 2 × 300 × 4.5
 */
export function backendLog(o: { students: number; seed: number; improverShare?: number }): BackendLog {
  const rng = createRng(o.seed);
  const rules = defaultRules();
  const lines: string[] = [];
  const improvers = new Set<string>();
  const start = Date.UTC(2025, 8, 1);
  for (let s = 0; s < o.students; s++) {
    const user = `u${String(s).padStart(4, "0")}`;
    const skill = rng.normal();
    const talk = rng.normal();
    const reflection = rng.normal();
    const improver = rng.bernoulli(o.improverShare ?? 0.3);
    if (improver) improvers.add(user);
    const sessions = rng.int(3, 6);
    const baseFiller = Math.min(0.09, 0.03 * Math.exp(-0.7 * skill));
    for (let j = 0; j < sessions; j++) {
      const progress = j / (sessions - 1);
      const fillerRate = (improver ? 0.07 * (1 - progress) + 0.005 * progress : baseFiller) * Math.exp(rng.normal(0, 0.2));
      const answers = Math.min(10, Math.max(1, Math.round(5 + 2 * talk + rng.normal(0, 0.7))));
      const texts = answerTexts(rng, answers, 60 * Math.exp(0.35 * talk), fillerRate, 0.012, reflection);
      const ms = start + (s * 997 + j * 5 * 86_400) * 1000;
      const sid = `s${s}_${j}`;
      lines.push(sessionLine(texts, user, sid, pyIsoformat(ms, 1 + ((s * 7 + j) % 999_999)), rng, rules));
      lines.push(mediaLine(rng, texts, user, sid, pyIsoformat(ms + 60_000, 0), 0.8 * skill + (improver ? 1.5 * progress : 0)));
    }
  }
  return { lines, improvers, students: o.students };
}

function sessionLine(texts: string[], user: string, sid: string, ts: string, rng: Rng, rules: ReturnType<typeof defaultRules>): string {
  const b = scoreAnswers(texts, rules);
  const dims = [...b.dimensions!.map((d) => ({ name: d.name, score: d.score, comment: d.comment })), { name: COIN, score: rng.int(0, 100), comment: null }];
  const scores = dims.map((d) => d.score);
  const strength = dims.filter((d) => d.score >= rules.tags.strengthAtLeast).map((d) => d.name);
  const risk = dims.filter((d) => d.score < rules.tags.strengthAtLeast && d.score <= rules.tags.riskAtMost).map((d) => d.name);
  const tasks = taskDimensions(scores, rules).map((i) => ({ type: rules.tasks.type, focus: taskFocus(rules, dims[i].name), suggested_duration_min: pyInt(rules.tasks.durationMin) }));
  const overall = overallScore(scores);
  return pyDumps({
    type: "session_report", user_id: user, session_id: sid,
    evaluation: { session_id: sid, overall_score: overall, score: overall, dimensions: dims, strength_tags: strength.length ? strength : null, risk_tags: risk.length ? risk : null, suggested_next_tasks: tasks.length ? tasks : null, timeline_events: null },
    diagnostics: { ...b.diagnostics, total_words: pyInt(b.diagnostics.total_words) },
    ts,
  }) + "\n";
}

function mediaLine(rng: Rng, texts: string[], user: string, sid: string, ts: string, eyeSignal: number): string {
  const words = texts.join(" ").split(" ").filter(Boolean);
  const fillers = words.filter((w) => (FILLER_WORDS as readonly string[]).includes(w)).length;
  const shares = EMOTIONS.map(() => rng.exponential(1));
  const total = shares.reduce((a, b) => a + b, 0);
  const emotion_distribution = Object.fromEntries(EMOTIONS.map((e, k) => [e, shares[k] / total]));
  const dominant = EMOTIONS[shares.indexOf(Math.max(...shares))];
  return pyDumps({
    type: "media_report", user_id: user, session_id: sid, media_id: `m_${sid}`, media_type: "video",
    audio_features: { speech_rate: rng.normal(130, 20), pause_ratio: 0.1 + 0.3 * rng.uniform(), filler_word_ratio: fillers / words.length + rng.normal(0, 0.003), pitch_variance: rng.exponential(20), emotion: null },
    video_features: { eye_contact_score: 1 / (1 + Math.exp(-(eyeSignal + rng.normal(0, 0.7)))), smile_ratio: rng.uniform(), posture_score: rng.uniform(), head_movement_score: rng.uniform(), dominant_emotion: dominant, emotion_distribution },
    ts,
  }) + "\n";
}

/** The backend's dimension names and the coin, in the log's order. */
export const LOG_DIMENSIONS = [DIMENSION_NAMES.star, DIMENSION_NAMES.clarity, DIMENSION_NAMES.reflection, COIN];
