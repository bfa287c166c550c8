import type { RulesConfig } from "../rules/rules-config";
import { clarityScore } from "../rules/score-rules";
import { REFLECTION_KEYWORDS, STAR_GROUPS, reflectionScore, starScore } from "../generate/backend-scoring";
import { nameRecord } from "../join/name-record";

/**
 * Every value each rule-built dimension can take, ascending, keyed by the dimension's name under `rules`:
 * 表达清晰度 evaluated by the rules' own `clarityScore` on every region of its two step functions (each side of
 * each threshold), STAR over every count of keyword hits per group (4/3/5/4 keywords), reflection over 0–6 of its
 * keywords. Dimensions the backend does not compute by rule (any other name) are absent: nothing bounds them.
 *
 * @example possibleScores(defaultRules())["表达清晰度"] // [70, 77, 84, 85, 92, 100]
 */
export function possibleScores(rules: RulesConfig): Record<string, number[]> {
  const out = nameRecord<number[]>();
  const c = rules.clarity;
  const lengths = regionPoints([c.length.mid, c.length.high]);
  const fillers = regionPoints([c.filler.mid, c.filler.high]);
  out[c.dimension] = sortedSet(lengths.flatMap((len) => fillers.map((f) => clarityScore(len, f, rules))));
  const star: number[] = [];
  const sizes = STAR_GROUPS.map((g) => g.length);
  for (let a = 0; a <= sizes[0]; a++) for (let b = 0; b <= sizes[1]; b++) for (let k = 0; k <= sizes[2]; k++) for (let d = 0; d <= sizes[3]; d++) star.push(starScore([a, b, k, d]));
  out[rules.star.dimension] = sortedSet(star);
  out[rules.reflection.dimension] = sortedSet(Array.from({ length: REFLECTION_KEYWORDS.length + 1 }, (_, k) => reflectionScore(k)));
  return out;
}

/** One point in every region of a step function of an input ≥ 0 with the given thresholds (`x > t` steps). */
function regionPoints(thresholds: readonly number[]): number[] {
  const points = [0, 1e12];
  for (const t of thresholds) if (t >= 0) points.push(t, t + Math.max(1e-9, Math.abs(t) * 1e-9));
  return points;
}

const sortedSet = (xs: number[]) => [...new Set(xs)].sort((a, b) => a - b);
