import type { RulesDiff } from "../analysis/rules-diff";
import { baseLayout, plotlyText, type Figure } from "./figure";
import { categoryAxis } from "./category-axis";
import { plotlyLabel, TICK_LABEL_LENGTH } from "./short-label";

/**
 * Tag rates before and after a rules change: per dimension, the share of sessions with a strength tag and with a
 * risk tag under each rule set, as horizontal bars. The dimensions are placed by position (`categoryAxis`), so
 * that every name is drawn (`__proto__` and `constructor` too) and no label overlaps another at any count; a long
 * name is cut with an ellipsis (`plotlyLabel`), the hover gives it whole.
 *
 * @example tagRatesFigure(rulesDiff(input, defaultRules(), tuned))
 */
export function tagRatesFigure(diff: RulesDiff, labels: [string, string] = ["today", "tuned"]): Figure {
  const dims = Object.keys(diff.tag_rates);
  const { positions, axis, height } = categoryAxis(dims.map((d) => plotlyLabel(d, TICK_LABEL_LENGTH)));
  const hover = dims.map(plotlyText);
  const bar = (kind: "strength" | "risk", k: 0 | 1, color: string) => ({
    type: "bar", orientation: "h", name: `${kind} · ${labels[k]}`, y: positions, x: dims.map((d) => diff.tag_rates[d][kind][k]), hovertext: hover, hoverinfo: "text+x+name",
    marker: { color, opacity: k === 0 ? 0.55 : 1 }, offsetgroup: `${kind}${k}`,
  });
  return {
    data: [bar("strength", 0, "#54a24b"), bar("strength", 1, "#54a24b"), bar("risk", 0, "#e45756"), bar("risk", 1, "#e45756")],
    layout: baseLayout(`Tag rates, ${labels[0]} → ${labels[1]} (${diff.changed.any} of ${diff.sessions} sessions change)`, "share of sessions", "", {
      barmode: "group", height, xaxis: { title: { text: "share of sessions" }, automargin: true }, yaxis: axis,
    }),
  };
}
