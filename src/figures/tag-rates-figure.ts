import type { RulesDiff } from "../analysis/rules-diff";
import { baseLayout, plotlyText, type Figure } from "./figure";
import { categoryAxis } from "./category-axis";

/**
 * Tag rates before and after a rules change: per dimension, the share of sessions with a strength tag and with a
 * risk tag under each rule set. The dimensions are placed by position (`categoryAxis`), so that every name is drawn,
 * `__proto__` and `constructor` too; the hover names the dimension.
 *
 * @example tagRatesFigure(rulesDiff(input, defaultRules(), tuned))
 */
export function tagRatesFigure(diff: RulesDiff, labels: [string, string] = ["today", "tuned"]): Figure {
  const dims = Object.keys(diff.tag_rates);
  const names = dims.map(plotlyText);
  const { positions, axis } = categoryAxis(names);
  const bar = (kind: "strength" | "risk", k: 0 | 1, color: string) => ({
    type: "bar", name: `${kind} · ${labels[k]}`, x: positions, y: dims.map((d) => diff.tag_rates[d][kind][k]), hovertext: names, hoverinfo: "text+y+name",
    marker: { color, opacity: k === 0 ? 0.55 : 1 }, offsetgroup: `${kind}${k}`,
  });
  return {
    data: [bar("strength", 0, "#54a24b"), bar("strength", 1, "#54a24b"), bar("risk", 0, "#e45756"), bar("risk", 1, "#e45756")],
    layout: baseLayout(`Tag rates, ${labels[0]} → ${labels[1]} (${diff.changed.any} of ${diff.sessions} sessions change)`, "dimension", "share of sessions", { barmode: "group", xaxis: { title: { text: "dimension" }, ...axis } }),
  };
}
