import type { RulesConfig } from "../rules/rules-config";
import { possibleScores } from "./possible-scores";

/** A tag or task a dimension can never get under the rules, whatever the candidate says. */
export interface UnreachableTag {
  dimension: string;
  tag: "risk" | "strength" | "task";
  reason: string;
}

/**
 * The strength/risk tags and practice tasks that can never fire for a dimension of the data, from the rules'
 * cut-offs and the values the dimension can take (`possibleScores`): a risk tag (score ≤ riskAtMost and, as the
 * backend's `elif`, not a strength), a strength tag (score ≥ strengthAtLeast), a task (score < tasks.below).
 * A 0% rate that is impossible by construction is a finding about the rules, not a statistic about the candidates.
 *
 * @example unreachableTags(["表达清晰度"], defaultRules()) // [{ dimension: "表达清晰度", tag: "risk", reason: "its lowest possible score is 70 …" }, { …, tag: "task" }]
 */
export function unreachableTags(dimensions: readonly string[], rules: RulesConfig): UnreachableTag[] {
  const possible = possibleScores(rules);
  const { strengthAtLeast, riskAtMost } = rules.tags;
  const out: UnreachableTag[] = [];
  for (const dimension of dimensions) {
    const values = possible[dimension];
    if (!values?.length) continue;
    const lo = values[0];
    const hi = values[values.length - 1];
    const range = `(possible values ${values.length <= 8 ? values.join(", ") : `${lo} … ${hi}, ${values.length} values`})`;
    if (!values.some((v) => v >= strengthAtLeast)) out.push({ dimension, tag: "strength", reason: `its highest possible score under the rules is ${hi} ${range}, below the strength cut-off ≥ ${strengthAtLeast}: no session can get the strength tag` });
    if (!values.some((v) => v <= riskAtMost && v < strengthAtLeast)) out.push({ dimension, tag: "risk", reason: `its lowest possible score under the rules is ${lo} ${range}, above the risk cut-off ≤ ${riskAtMost}: no session can get the risk tag` });
    if (rules.tasks.count <= 0 || !values.some((v) => v < rules.tasks.below)) out.push({ dimension, tag: "task", reason: `its lowest possible score under the rules is ${lo} ${range}, not below the task cut-off < ${rules.tasks.below}: no session gets a practice task for it` });
  }
  return out;
}
