import type { ScoringInput } from "./scoring-input";

/** A `ScoringInput` as plain JSON: typed arrays as arrays, `NaN` as `null`. What the HTML report embeds. */
export interface ScoringInputJson {
  dimensions: string[];
  session_id: string[];
  scores: (number | null)[][];
  avg_answer_len: (number | null)[];
  filler_ratio: (number | null)[];
  media: Record<string, (number | null)[]>;
  log: { overall: (number | null)[]; strength: number[]; risk: number[]; tasks: (number | null)[] };
}

const toJson = (xs: ArrayLike<number>) => Array.from(xs, (v) => (Number.isFinite(v) ? v : null));
const fromJson = (xs: readonly (number | null)[]) => Float64Array.from(xs, (v) => (v === null ? NaN : v));

/** Encodes a scoring input as JSON-safe columns (exact numbers: the rules compare them with thresholds). */
export function encodeScoringInput(input: ScoringInput): ScoringInputJson {
  return {
    dimensions: [...input.dimensions],
    session_id: [...input.session_id],
    scores: input.scores.map(toJson),
    avg_answer_len: toJson(input.avg_answer_len),
    filler_ratio: toJson(input.filler_ratio),
    media: Object.fromEntries(Object.entries(input.media).map(([f, xs]) => [f, toJson(xs)])),
    log: { overall: toJson(input.log.overall), strength: Array.from(input.log.strength), risk: Array.from(input.log.risk), tasks: toJson(input.log.tasks) },
  };
}

/** The inverse of `encodeScoringInput`. */
export function decodeScoringInput(json: ScoringInputJson): ScoringInput {
  return {
    dimensions: json.dimensions,
    session_id: json.session_id,
    scores: json.scores.map(fromJson),
    avg_answer_len: fromJson(json.avg_answer_len),
    filler_ratio: fromJson(json.filler_ratio),
    media: Object.fromEntries(Object.entries(json.media).map(([f, xs]) => [f, fromJson(xs)])),
    log: { overall: fromJson(json.log.overall), strength: Int32Array.from(json.log.strength), risk: Int32Array.from(json.log.risk), tasks: fromJson(json.log.tasks) },
  };
}
