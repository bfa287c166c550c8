import { defaultRules, type RulesConfig } from "./rules-config";
import { clarityScore } from "./score-rules";
import { reflectionScore, REFLECTION_KEYWORDS, starScore, STAR_GROUPS } from "./backend-scoring";

/**
 * Every value each of the backend's dimensions can take under `rules` (sorted ascending): STAR over every
 * combination of group hits, reflection over 0–6 keywords, clarity over the four length × filler deduction cases.
 *
 * @example scoreLattice().get("表达清晰度") // [70, 77, 84, 85, 92, 100]
 */
export function scoreLattice(rules: RulesConfig = defaultRules()): Map<string, number[]> {
  const star = new Set<number>();
  const [a, b, c, d] = STAR_GROUPS.map((g) => g.length);
  for (let i = 0; i <= a; i++) for (let j = 0; j <= b; j++) for (let k = 0; k <= c; k++) for (let l = 0; l <= d; l++) star.add(starScore([i, j, k, l]));
  const clarity = new Set<number>();
  const len = rules.clarity.length;
  const fil = rules.clarity.filler;
  for (const avg of [0, (len.mid + len.high) / 2, len.high + 1]) for (const f of [0, (fil.mid + fil.high) / 2, fil.high + 1]) clarity.add(clarityScore(avg, f, rules));
  const reflection = new Set(Array.from({ length: REFLECTION_KEYWORDS.length + 1 }, (_, k) => reflectionScore(k)));
  const sorted = (s: Set<number>) => [...s].sort((x, y) => x - y);
  return new Map([[rules.star.dimension, sorted(star)], [rules.clarity.dimension, sorted(clarity)], [rules.reflection.dimension, sorted(reflection)]]);
}

/** A tag a dimension can never get under the rules, whatever the candidate says. */
export interface UnreachableTag {
  dimension: string;
  tag: "risk" | "strength" | "task";
  reason: string;
}

/**
 * The tags and tasks that no possible score of a dimension can trigger (`scoreLattice`): a strength needs a value
 * ≥ strengthAtLeast, a risk a value ≤ riskAtMost (and below the strength threshold: the backend's `elif`), a task
 * a value < tasks.below.
 *
 * @example unreachableTags().map((t) => t.tag) // ["risk", "task"]  (表达清晰度 never goes below 70)
 */
export function unreachableTags(rules: RulesConfig = defaultRules()): UnreachableTag[] {
  const out: UnreachableTag[] = [];
  for (const [dimension, values] of scoreLattice(rules)) {
    const lo = values[0];
    const hi = values[values.length - 1];
    const t = rules.tags;
    if (hi < t.strengthAtLeast) out.push({ dimension, tag: "strength", reason: `its highest possible score is ${hi} < ${t.strengthAtLeast}` });
    if (!values.some((v) => v <= t.riskAtMost && v < t.strengthAtLeast)) out.push({ dimension, tag: "risk", reason: `its lowest possible score is ${lo} > ${t.riskAtMost}` });
    if (lo >= rules.tasks.below) out.push({ dimension, tag: "task", reason: `its lowest possible score is ${lo}, not below ${rules.tasks.below}` });
  }
  return out;
}
