/** Pixels a legend entry takes in plotly's vertical legend (default font, no gap between groups). */
export const LEGEND_ROW = 20;

/**
 * The height of a figure whose legend lists `entries` names (one per dimension, say) at the plot's right: at least
 * `base`, and tall enough that every entry shows (plotly scrolls a legend taller than the plot, hiding the rest).
 *
 * @example legendHeight(14) // 410
 */
export function legendHeight(entries: number, base = 380): number {
  return Math.max(base, 130 + entries * LEGEND_ROW);
}
