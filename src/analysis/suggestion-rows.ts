import type { Suggestion } from "./suggest-threshold";

/**
 * Suggestions as flat rows for a table: Youden's J and its sensitivity and specificity as columns of their own
 * (empty for a quantile suggestion) instead of a nested object; `conflict` the rules' objection to the value, or
 * empty.
 *
 * @example suggestionRows([suggestThreshold(input, rules, "clarity.filler.mid", { method: "quantile", share: 0.2 })])
 */
export function suggestionRows(suggestions: readonly Suggestion[]) {
  const round = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? null : Number(x.toFixed(3)));
  return suggestions.map((s) => ({
    path: s.path, method: s.method, value: Number(s.value.toPrecision(4)), flagged_share: round(s.flagged_share),
    youden_j: round(s.youden?.j), sensitivity: round(s.youden?.sensitivity), specificity: round(s.youden?.specificity), n: s.n,
    conflict: s.conflict ?? null,
  }));
}
