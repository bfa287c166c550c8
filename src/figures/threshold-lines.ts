import type { RulesConfig } from "../rules/rules-config";
import type { ReferenceLine } from "./figure";

/**
 * Today's thresholds (or those of `rules`) on a column's axis: `avg_answer_len` and `filler_ratio` carry the clarity
 * deductions (and the filler comment), a media feature its `rules.media` band; any other column none.
 *
 * @example thresholdLines(defaultRules(), "filler_ratio") // [{ value: 0.02, label: "−8" }, { value: 0.05, label: "−15" }, …]
 */
export function thresholdLines(rules: RulesConfig, column: string): ReferenceLine[] {
  const c = rules.clarity;
  if (column === "avg_answer_len") return [{ value: c.length.mid, label: `−${c.length.midPenalty}` }, { value: c.length.high, label: `−${c.length.highPenalty}` }];
  if (column === "filler_ratio") {
    return [
      { value: c.filler.mid, label: `−${c.filler.midPenalty}` },
      { value: c.filler.high, label: `−${c.filler.highPenalty}` },
      { value: c.fillerComment, label: "comment" },
    ];
  }
  const band = rules.media[column];
  if (band) return [...(band.min !== null ? [{ value: band.min, label: "min" }] : []), ...(band.max !== null ? [{ value: band.max, label: "max" }] : [])];
  return [];
}

/** The cut-offs on a score axis: risk tag (≤), practice task (<) and strength tag (≥). */
export function scoreThresholdLines(rules: RulesConfig): ReferenceLine[] {
  return [{ value: rules.tags.riskAtMost, label: "risk ≤" }, { value: rules.tasks.below, label: "task <" }, { value: rules.tags.strengthAtLeast, label: "strength ≥" }];
}
