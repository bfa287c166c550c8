import type { RulesDiff } from "../analysis/rules-diff";
import { baseLayout, categoryAxis, tickText, type Figure } from "./figure";

/**
 * Tag rates before and after a rules change: per dimension, the share of sessions with a strength tag and with a
 * risk tag under each rule set.
 *
 * @example tagRatesFigure(rulesDiff(input, defaultRules(), tuned))
 */
export function tagRatesFigure(diff: RulesDiff, labels: [string, string] = ["today", "tuned"]): Figure {
  const dims = Object.keys(diff.tag_rates);
  const { x, axis } = categoryAxis(dims.map((d) => tickText(d)), "dimension");
  const bar = (kind: "strength" | "risk", k: 0 | 1, color: string) => ({
    type: "bar", name: `${kind} · ${labels[k]}`, x, y: dims.map((d) => diff.tag_rates[d][kind][k]), marker: { color, opacity: k === 0 ? 0.55 : 1 }, offsetgroup: `${kind}${k}`,
  });
  return {
    data: [bar("strength", 0, "#54a24b"), bar("strength", 1, "#54a24b"), bar("risk", 0, "#e45756"), bar("risk", 1, "#e45756")],
    layout: baseLayout(`Tag rates, ${labels[0]} → ${labels[1]} (${diff.changed.any} of ${diff.sessions} sessions change)`, "dimension", "share of sessions", { barmode: "group", height: 440, xaxis: axis }),
  };
}
