import * as aq from "arquero";
import { formatTextTable } from "../sql/format-result";
import type { Comparison } from "./compare";

const round = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

/**
 * The human-readable comparison (what `metrics-kit compare` prints): the figures of sides A and B and the change,
 * figures rounded to 3 decimals, as an aligned table; then each dimension's verdict on each side under a `verdicts:`
 * heading, or `verdicts: none (no dimension has a score on either side)`. The tables are `terminalSafe`
 * (`formatTextTable`): a dimension name from the log cannot drive the terminal.
 *
 * @example formatCompare(compare(filterTables(t, a), filterTables(t, b))).split("\n")[0] // "figure  A  B  change" (aligned)
 */
export function formatCompare(c: Comparison): string {
  const figures = aq.from(c.figures.map((f) => ({ figure: f.figure, A: round(f.a), B: round(f.b), change: round(f.change) })));
  if (!c.verdicts.length) return `${formatTextTable(figures)}\n\nverdicts: none (no dimension has a score on either side)`;
  const verdicts = aq.from(c.verdicts.map((v) => ({ dimension: v.dimension, A: v.a, B: v.b })));
  return `${formatTextTable(figures)}\n\nverdicts:\n${formatTextTable(verdicts)}`;
}
