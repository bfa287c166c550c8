import { EMOTIONS } from "../schema/video-features";
import { pyRound } from "../rules/py-round";
import type { Rng } from "./rng";
import type { ScenarioParams } from "./scenarios";
import type { Student } from "./students";
import { plantedCoefficient } from "./planted-links";

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));
const r4 = (x: number | null) => (x === null || !Number.isFinite(x) ? x : pyRound(x, 4));
/** Frames the backend's eye-contact and posture heuristics check per video: their scores are k / 10. */
const CHECKED_FRAMES = 10;

/** A media row to write (without its `ts`), when it was recorded, and the quirks planted on it. */
export interface MediaRow {
  row: Record<string, unknown>;
  time: number;
  quirks: string[];
}

/** The session a recording belongs to. */
export interface MediaSession {
  student: Student;
  sid: string;
  /** When the session was reported (the recordings come some minutes before). */
  when: number;
  /** Abilities at the session (STAR, clarity, reflection). */
  ability: readonly number[];
  /** The session's STAR score is a risk (for a planted threshold on its outcome). */
  starRisk: boolean;
}

/**
 * The audio features as the backend's analyser fills them: `emotion` always null; the signal features (speech
 * rate, pause ratio, pitch variance) null when the file is missing; everything null when extraction fails.
 */
function audioFeatures(rng: Rng, p: ScenarioParams, s: MediaSession, missing: boolean, failed: boolean): { features: Record<string, unknown>; quirk?: string } {
  const noise = p.media.noise;
  const clarity = s.ability[1];
  if (failed) return { features: { speech_rate: null, pause_ratio: null, filler_word_ratio: null, pitch_variance: null, emotion: null }, quirk: "null_features" };
  let speech: number | null = (s.student.chinese ? 45 : 140) * Math.exp(plantedCoefficient("audio.speech_rate", p) * clarity + 0.15 * noise * rng.normal());
  const pt = p.plantedThreshold;
  let pause: number | null = pt && pt.feature === "audio.pause_ratio"
    ? pt.threshold + (s.starRisk ? 1 : -1) * pt.separation + 0.05 * rng.normal()
    : 0.22 + plantedCoefficient("audio.pause_ratio", p) * clarity + 0.05 * noise * rng.normal();
  pause = clamp(pause, 0.01, 0.95);
  const link = Math.abs(plantedCoefficient("audio.filler_word_ratio", p));
  const fillerRate = sigmoid(p.filler.logit + p.filler.abilitySlope * clarity + s.student.filler);
  const fillerWords = clamp(fillerRate * Math.exp((0.5 * noise * rng.normal()) / Math.max(link, 0.2)), 0, 1);
  let pitch: number | null = Math.exp(3 + 0.4 * rng.normal());
  let quirk: string | undefined;
  if (missing) {
    speech = pause = pitch = null;
    quirk = "missing_file";
  } else if (rng.bernoulli(p.quirks.nonFinite)) {
    if (rng.bernoulli(0.5)) [speech, quirk] = [Infinity, "infinity"];
    else [pitch, quirk] = [NaN, "nan"];
  }
  const speechRate = speech === null || !Number.isFinite(speech) ? speech : pyRound(speech, 1);
  return { features: { speech_rate: speechRate, pause_ratio: r4(pause), filler_word_ratio: r4(fillerWords), pitch_variance: r4(pitch), emotion: null }, quirk };
}

/**
 * The video features as the backend's analyser fills them: every field null when the file is missing, extraction
 * fails or no face is found; otherwise the seven emotions' shares with `dominant_emotion` the largest (the first
 * of equal ones, as Python's `max`), eye contact and posture as shares of 10 checked frames.
 */
function videoFeatures(rng: Rng, p: ScenarioParams, s: MediaSession, blank: boolean): Record<string, unknown> {
  if (blank) return { eye_contact_score: null, smile_ratio: null, posture_score: null, head_movement_score: null, dominant_emotion: null, emotion_distribution: null };
  const weights = EMOTIONS.map((e) => rng.exponential(e === "neutral" ? 4 : e === "happy" ? 2 : 0.5));
  const total = weights.reduce((a, b) => a + b, 0);
  const dist: Record<string, number> = {};
  let dominant: string = EMOTIONS[0];
  for (const e of EMOTIONS) {
    dist[e] = pyRound(weights[EMOTIONS.indexOf(e)] / total, 4);
    if (dist[e] > dist[dominant]) dominant = e;
  }
  const general = (s.ability[0] + s.ability[1] + s.ability[2]) / 3;
  const eye = sigmoid(0.4 + plantedCoefficient("video.eye_contact_score", p) * general + 0.6 * p.media.noise * rng.normal());
  return {
    eye_contact_score: rng.binomial(CHECKED_FRAMES, eye) / CHECKED_FRAMES,
    smile_ratio: pyRound(clamp(0.2 + 0.1 * rng.normal(), 0, 1), 4),
    posture_score: rng.binomial(CHECKED_FRAMES, 0.8) / CHECKED_FRAMES,
    head_movement_score: pyRound(clamp(0.3 + 0.1 * rng.normal(), 0, 1), 4),
    dominant_emotion: dominant,
    emotion_distribution: dist,
  };
}

/**
 * The media rows of a session (an audio recording, a video, both or none, at the scenario's rates), each some
 * minutes before the session's report, with ids from `mediaId`.
 *
 * @example mediaRows(rng, scenario("baseline"), session, () => "m_000000000001").map((m) => m.row.media_type)
 */
export function mediaRows(rng: Rng, p: ScenarioParams, s: MediaSession, mediaId: () => string): MediaRow[] {
  const kinds: ("audio" | "video")[] = [];
  if (rng.bernoulli(p.media.audio)) kinds.push("audio");
  if (rng.bernoulli(p.media.video)) kinds.push("video");
  const rows: MediaRow[] = [];
  let t = s.when - rng.int(5, 40) * 60_000;
  for (const kind of kinds) {
    t += rng.int(1, 4) * 60_000;
    const failed = rng.bernoulli(p.quirks.nullFeatures);
    const missing = !failed && rng.bernoulli(p.quirks.missingFile);
    const audio = audioFeatures(rng, p, s, missing, failed);
    const row: Record<string, unknown> = { type: "media_report", user_id: s.student.id, session_id: s.sid, media_id: mediaId(), media_type: kind, audio_features: audio.features };
    const quirks = audio.quirk ? [audio.quirk] : [];
    if (kind === "video") {
      const noFace = !failed && !missing && rng.bernoulli(p.quirks.noFace);
      if (noFace) quirks.push("no_face");
      row.video_features = videoFeatures(rng, p, s, failed || missing || noFace);
    }
    rows.push({ row, time: t, quirks });
  }
  return rows;
}
