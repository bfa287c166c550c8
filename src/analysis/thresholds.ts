import type { RulesConfig } from "../rules/rules-config";
import type { ScoringInput } from "../rules/scoring-input";
import { isPresent } from "../stats/finite-values";

/** A threshold of the rules: where it lives in the config, what it compares and which way it flags. */
export interface Threshold {
  path: string;
  label: string;
  /** Flags sessions whose value is above or below it. */
  direction: "above" | "below";
  /** The rule compares with ≥ / ≤ (strength and risk tags) rather than > / <. */
  inclusive?: boolean;
  range: [number, number];
  step: number;
  /** The per-session value the threshold is compared with (`NaN` where missing); for tags and tasks, the session's highest or lowest dimension score. */
  values(input: ScoringInput, rules: RulesConfig): Float64Array;
}

const dimension = (name: (r: RulesConfig) => string) => (input: ScoringInput, rules: RulesConfig) =>
  input.scores[input.dimensions.indexOf(name(rules))] ?? new Float64Array(input.session_id.length).fill(NaN);
/** For tag and task thresholds: each session's extreme dimension score (max for strength, min for risk/tasks). */
const extreme = (pick: "max" | "min") => (input: ScoringInput) =>
  Float64Array.from(input.session_id, (_, i) => {
    const xs = input.scores.map((c) => c[i]).filter(isPresent);
    return xs.length ? (pick === "max" ? Math.max(...xs) : Math.min(...xs)) : NaN;
  });

/** Every threshold of today's rules that can be swept or suggested (the STAR comment coverage is not in the log). */
export const THRESHOLDS: readonly Threshold[] = [
  { path: "clarity.length.high", label: "clarity: long-answer deduction (avg_answer_len >)", direction: "above", range: [50, 500], step: 5, values: (i) => i.avg_answer_len },
  { path: "clarity.length.mid", label: "clarity: medium-answer deduction (avg_answer_len >)", direction: "above", range: [50, 500], step: 5, values: (i) => i.avg_answer_len },
  { path: "clarity.filler.high", label: "clarity: heavy-filler deduction (filler_ratio >)", direction: "above", range: [0, 0.2], step: 0.005, values: (i) => i.filler_ratio },
  { path: "clarity.filler.mid", label: "clarity: filler deduction (filler_ratio >)", direction: "above", range: [0, 0.2], step: 0.005, values: (i) => i.filler_ratio },
  { path: "clarity.fillerComment", label: "filler comment (filler_ratio >)", direction: "above", range: [0, 0.2], step: 0.005, values: (i) => i.filler_ratio },
  { path: "reflection.commentThreshold", label: "reflection comment (score <)", direction: "below", range: [0, 100], step: 1, values: dimension((r) => r.reflection.dimension) },
  { path: "tags.strengthAtLeast", label: "strength tag (score ≥)", direction: "above", inclusive: true, range: [0, 100], step: 1, values: extreme("max") },
  { path: "tags.riskAtMost", label: "risk tag (score ≤)", direction: "below", inclusive: true, range: [0, 100], step: 1, values: extreme("min") },
  { path: "tasks.below", label: "practice task (score <)", direction: "below", range: [0, 100], step: 1, values: extreme("min") },
];

/** The threshold of a media feature bound: `media.audio.speech_rate.min` flags below, `.max` above. */
export function mediaThreshold(feature: string, bound: "min" | "max", range: [number, number] = [0, 1]): Threshold {
  return {
    path: `media.${feature}.${bound}`, label: `${feature} ${bound === "min" ? "floor" : "ceiling"}`, direction: bound === "min" ? "below" : "above",
    range, step: (range[1] - range[0]) / 100,
    values: (input) => input.media[feature] ?? new Float64Array(input.session_id.length).fill(NaN),
  };
}

/** Splits `media.<feature>.min|max` into the feature and the bound; `undefined` for any other path. */
function mediaBound(path: string): { feature: string; bound: "min" | "max" } | undefined {
  const m = /^media\.(.+)\.(min|max)$/.exec(path);
  return m ? { feature: m[1], bound: m[2] as "min" | "max" } : undefined;
}

/** Finds a threshold by path (`media.<feature>.min|max` included). Throws `unknown threshold: …` otherwise. */
export function findThreshold(path: string): Threshold {
  const t = THRESHOLDS.find((x) => x.path === path);
  if (t) return t;
  const m = mediaBound(path);
  if (m) return mediaThreshold(m.feature, m.bound);
  throw new Error(`unknown threshold: ${path} (known: ${THRESHOLDS.map((x) => x.path).join(", ")}, media.<feature>.min|max)`);
}

/** The value at `path` in `rules` (`null` for an unset media bound). */
export function getThreshold(rules: RulesConfig, path: string): number | null {
  const m = mediaBound(path);
  if (m) return rules.media[m.feature]?.[m.bound] ?? null;
  let v: unknown = rules;
  for (const key of path.split(".")) v = (v as Record<string, unknown>)?.[key];
  if (typeof v !== "number") throw new Error(`unknown threshold: ${path}`);
  return v;
}

/** A copy of `rules` with the threshold at `path` set to `value` (the input is not modified). */
export function setThreshold(rules: RulesConfig, path: string, value: number | null): RulesConfig {
  const copy = structuredClone(rules);
  const m = mediaBound(path);
  if (m) {
    copy.media[m.feature] = { ...(copy.media[m.feature] ?? { min: null, max: null }), [m.bound]: value };
    return copy;
  }
  const keys = path.split(".");
  let o = copy as unknown as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>;
  if (typeof o?.[keys[keys.length - 1]] !== "number") throw new Error(`unknown threshold: ${path}`);
  o[keys[keys.length - 1]] = value;
  return copy;
}

/** Whether `value` is flagged by threshold `t` at `at` (the rules' own comparison: strict unless `t.inclusive`). */
export function flags(t: Threshold, value: number, at: number): boolean {
  if (!Number.isFinite(value)) return false;
  if (t.inclusive) return t.direction === "above" ? value >= at : value <= at;
  return t.direction === "above" ? value > at : value < at;
}
