/** Categories on an axis by position: where their marks go and the axis that labels them. */
export interface CategoryAxis {
  /** Category k's coordinate: k. */
  positions: number[];
  /** The axis layout: a linear axis with one tick per category, labelled with its text. */
  axis: Record<string, unknown>;
}

/**
 * Categories (dimension names, say) placed at positions 0 … n−1 of a linear axis and labelled by tick text, never
 * given to plotly as category values: plotly's category axes keep their categories as keys of a plain object, so a
 * category called `__proto__`, `constructor`, `toString` or `hasOwnProperty` is found there before it is added and
 * its bars are not drawn. `labels` are shown as given (pass them through `plotlyText`).
 *
 * @example categoryAxis(["a", "__proto__"]) // { positions: [0, 1], axis: { tickmode: "array", tickvals: [0, 1], ticktext: ["a", "__proto__"], range: [-0.5, 1.5], … } }
 */
export function categoryAxis(labels: readonly string[]): CategoryAxis {
  const positions = labels.map((_, k) => k);
  return {
    positions,
    axis: { type: "linear", tickmode: "array", tickvals: positions, ticktext: [...labels], zeroline: false, showgrid: false, ...(labels.length ? { range: [-0.5, labels.length - 0.5] } : {}) },
  };
}
