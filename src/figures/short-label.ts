import { plotlyText } from "./figure";
import { terminalSafe } from "../load/terminal-safe";

/** The longest tick label of a dimension, in characters (code points), before it is cut with an ellipsis. */
export const TICK_LABEL_LENGTH = 20;
/** The longest name in a legend entry or a title (a histogram's dimension, a trajectory's user id). */
export const NAME_LABEL_LENGTH = 32;

/**
 * Text cut to at most `max` characters (code points, so a character outside the BMP is never split), the last one
 * an ellipsis when it was cut.
 *
 * @example shortLabel("a very long dimension name", 10) // "a very lo…"
 */
export function shortLabel(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join("")}…`;
}

/**
 * A name from the log cut for a chart: its control characters written as escapes (`terminalSafe`, as the chart
 * shows them), then cut to `max` characters (`shortLabel`). For a caller that escapes the text for plotly itself (a histogram's
 * title); else `plotlyLabel`.
 *
 * @example shortName("a\u202eb", 4) // "a\\u…"
 */
export function shortName(text: string, max: number): string {
  return shortLabel(terminalSafe(text), max);
}

/**
 * A name from the log as a chart label: cut as it is shown (`shortName`), then made safe for plotly (`plotlyText`).
 * A figure shows the full name in its hover (`plotlyText` of the whole name).
 *
 * @example plotlyLabel("<b>" + "x".repeat(40), 10) // "&lt;b&gt;xxxxxx…"
 * @example plotlyLabel("a\u202eb", 4) // "a\\u…"
 */
export function plotlyLabel(text: string, max: number): string {
  return plotlyText(shortName(text, max));
}
