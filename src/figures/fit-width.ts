import type { Figure, Layout } from "./figure";
import { LEGEND_ROW } from "./legend-height";
import { wrapTitle } from "./wrap-title";

/** Height of a 13 px title's line, in pixels. */
const TITLE_LINE = 17;

/** Below this width (CSS pixels) a figure's box is narrow: a phone, or a narrow column. */
export const NARROW_WIDTH = 640;

/**
 * A figure laid out for a box `width` pixels wide. Wide boxes get it as built. In a narrow box a legend at the right
 * would take the plot's width (all of it, with long names), so the legend goes below the plot, one entry a row, and
 * the figure grows by its height; the title (left-aligned) and the tick labels are set smaller so that they fit, and
 * a title still too long is broken into lines (`wrapTitle`), the figure growing by them.
 * Never changes `fig`.
 *
 * @example fitWidth(cohortFigure(progress), 342).layout.legend // { orientation: "h", yref: "container", y: 0, … }
 */
export function fitWidth(fig: Figure, width: number): Figure {
  if (!(width > 0) || width >= NARROW_WIDTH) return fig;
  const entries = fig.data.filter((t) => t.showlegend !== false && typeof t.name === "string" && t.name !== "").length;
  const legendShown = fig.layout.showlegend !== false && entries > (fig.data.length > 1 ? 0 : 1);
  const margin = { l: 60, r: 20, t: 60, b: 50, ...(fig.layout.margin as Record<string, number> | undefined) };
  const legendHeight = legendShown ? entries * LEGEND_ROW + 10 : 0;
  // A long title is broken into lines that fit (wrapTitle); each line past the first takes TITLE_LINE more room above.
  const title = fig.layout.title?.text === undefined ? undefined : wrapTitle(fig.layout.title.text, width - 16);
  const extra = title === undefined ? 0 : (title.split("<br>").length - fig.layout.title!.text!.split("<br>").length) * TITLE_LINE;
  const layout: Layout = {
    ...fig.layout,
    height: (fig.layout.height ?? 380) + legendHeight + extra,
    margin: { ...margin, r: 10, t: margin.t + extra, b: margin.b + legendHeight },
    // Left-aligned: a title still longer than the box loses its end, not both ends.
    title: fig.layout.title ? { ...fig.layout.title, ...(title === undefined ? {} : { text: title }), font: { size: 13 }, x: 0, xref: "container", xanchor: "left", pad: { l: 8 } } : fig.layout.title,
  };
  for (const axis of ["xaxis", "yaxis"] as const) layout[axis] = { ...(fig.layout[axis] as Record<string, unknown> | undefined), tickfont: { size: 10 } };
  // maxheight: a horizontal legend otherwise scrolls past half the figure's height; tracegroupgap: the cohort curve
  // groups each line with its band, and a gap between groups would make its rows taller than LEGEND_ROW.
  if (legendShown) layout.legend = { orientation: "h", entrywidth: 1, entrywidthmode: "fraction", tracegroupgap: 0, maxheight: legendHeight, xref: "container", x: 0, xanchor: "left", yref: "container", y: 0, yanchor: "bottom" };
  return { data: fig.data, layout };
}
