/** Categories on the y axis of a horizontal bar chart, by position: where their bars go, the axis, the figure's height. */
export interface CategoryAxis {
  /** Category k's coordinate: k. */
  positions: number[];
  /** The y axis: linear, one tick per category labelled with its text, the first category on top, its margin grown to fit the labels. */
  axis: Record<string, unknown>;
  /** A figure height that gives every category `rowHeight` pixels (at least 300). */
  height: number;
}

/** Options of `categoryAxis`. */
export interface CategoryAxisOptions {
  /** Pixels per category (a group of bars and the gap between groups). Default 34. */
  rowHeight?: number;
}

/**
 * Categories (dimension names, say) placed at positions 0 … n−1 of a linear y axis and labelled by tick text, never
 * given to plotly as category values: plotly's category axes keep their categories as keys of a plain object, so a
 * category called `__proto__`, `constructor`, `toString` or `hasOwnProperty` is found there before it is added and
 * its bars are not drawn. On the y axis, horizontal, the labels never overlap however many categories there are:
 * each has its row (the height grows with the count) and the margin grows to the longest label (`automargin`; cut
 * them first, `plotlyLabel`). `labels` are shown as given.
 *
 * @example categoryAxis(["a", "__proto__"]).axis // { tickmode: "array", tickvals: [0, 1], ticktext: ["a", "__proto__"], range: [1.5, -0.5], … }
 */
export function categoryAxis(labels: readonly string[], options: CategoryAxisOptions = {}): CategoryAxis {
  const { rowHeight = 34 } = options;
  const positions = labels.map((_, k) => k);
  return {
    positions,
    axis: {
      type: "linear", tickmode: "array", tickvals: positions, ticktext: [...labels], zeroline: false, showgrid: false, automargin: true,
      ...(labels.length ? { range: [labels.length - 0.5, -0.5] } : {}),
    },
    height: Math.max(300, 140 + labels.length * rowHeight),
  };
}
