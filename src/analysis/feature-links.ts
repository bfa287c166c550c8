import type * as aq from "arquero";
import { MEDIA_FEATURES, type MediaFeature, dimensionColumn } from "../join/columns";
import { pairedValues } from "../stats/paired-values";
import { pearson } from "../stats/correlation";
import { averageRanks, sortedPresent } from "../stats/average-ranks";
import { spearmanBootstrap } from "../stats/spearman-bootstrap";
import { spearmanInterval } from "../stats/spearman-interval";
import { decileBins, type BinnedMean } from "../stats/decile-bins";

/** Options of `featureLinks`. */
export interface FeatureLinkOptions {
  /** Features to test; default every numeric media feature. */
  features?: readonly MediaFeature[];
  /** Bootstrap resamples for Spearman's interval; default 1000 (≥ 1,000 per the reference criteria). */
  resamples?: number;
  /** Bootstrap seed; default 1. */
  seed?: number;
  /** Pairs needed to report a link; default 10. */
  minN?: number;
  /** Above this many pairs the interval is Fisher z with the Bonett–Wright SE instead of the bootstrap; default 5000. */
  bootstrapMaxN?: number;
}

/** One feature against one target. */
export interface FeatureLink {
  /** The feature, named by its place in the log (`audio.filler_word_ratio`). */
  feature: MediaFeature;
  /** A dimension name, `overall_score`, or `risk:<dimension>` (1 when the session carries that risk tag). */
  target: string;
  n: number;
  /** Sessions left out because the feature or the target is missing. */
  missing: number;
  pearson: number;
  spearman: number;
  /** 95% interval of Spearman's ρ: seeded percentile bootstrap, or Fisher z (Bonett–Wright) above `bootstrapMaxN` pairs. */
  ci95: [number, number];
  interval: "bootstrap" | "fisher-z";
  /** The interval excludes 0. */
  significant: boolean;
  /** Mean target per feature decile (for plots): upper bound of the bin, mean, count. */
  bins: BinnedMean[];
}

/**
 * Every numeric media feature (per-session mean from the join layer) against every dimension, the overall score
 * and every dimension's risk tag: n, Pearson, Spearman with a 95% interval (seeded bootstrap up to `bootstrapMaxN`
 * pairs, Fisher z above), significance, and decile bins. Sessions without the feature are left out and counted.
 *
 * @example featureLinks(t.joined, t.dimensions).filter(l => l.significant)
 */
export function featureLinks(joined: aq.ColumnTable, dimensions: readonly string[], options: FeatureLinkOptions = {}): FeatureLink[] {
  const { features = MEDIA_FEATURES, resamples = 1000, seed = 1, minN = 10, bootstrapMaxN = 5000 } = options;
  const targets: [string, ArrayLike<unknown>][] = [
    ...dimensions.map((d) => [d, joined.array(dimensionColumn(d)) as ArrayLike<unknown>] as [string, ArrayLike<unknown>]),
    ["overall_score", joined.array("overall_score") as ArrayLike<unknown>],
  ];
  const risks = joined.array("risk_tags") as (readonly string[] | null)[];
  const hasDims = joined.array("overall_score") as ArrayLike<number>;
  for (const d of dimensions) {
    targets.push([`risk:${d}`, risks.map((r, i) => (Number.isFinite(hasDims[i]) ? (r?.includes(d) ? 1 : 0) : NaN))]);
  }
  const links: FeatureLink[] = [];
  // Position of each row among a pair's complete rows (-1 where the row has no pair); reset after each pair.
  const position = new Int32Array(joined.numRows()).fill(-1);
  const targetOrders = targets.map(([, ty]) => sortedPresent(ty));
  for (const feature of features) {
    if (!joined.columnNames().includes(feature)) continue;
    const fx = joined.array(feature) as ArrayLike<unknown>;
    const featureOrder = sortedPresent(fx);
    targets.forEach(([target, ty], t) => {
      const { x, y, rows, missing } = pairedValues(fx, ty);
      if (x.length < minN) return;
      for (let p = 0; p < rows.length; p++) position[rows[p]] = p;
      const orderX = pairOrder(featureOrder, position, rows.length);
      const orderY = pairOrder(targetOrders[t], position, rows.length);
      for (let p = 0; p < rows.length; p++) position[rows[p]] = -1;
      const rx = scatter(averageRanks(x, orderX), orderX);
      const ry = scatter(averageRanks(y, orderY), orderY);
      const r = pearson(x, y);
      const rho = pearson(rx, ry);
      if (r === undefined || rho === undefined) return;
      const interval = x.length > bootstrapMaxN ? "fisher-z" : "bootstrap";
      const ci = interval === "fisher-z" ? spearmanInterval(rho, x.length) : spearmanBootstrap(x, y, orderX, orderY, { resamples, seed });
      if (!ci) return;
      links.push({ feature, target, n: x.length, missing, pearson: r, spearman: rho, ci95: ci, interval, significant: ci[0] > 0 || ci[1] < 0, bins: decileBins(x, y, orderX) });
    });
  }
  return links;
}

/** A sort order of rows (`order`) as positions among the complete pairs (`position[row]`, -1 = not a pair). */
function pairOrder(order: ArrayLike<number>, position: Int32Array, pairs: number): Int32Array {
  const out = new Int32Array(pairs);
  let k = 0;
  for (let j = 0; j < order.length; j++) {
    const p = position[order[j]];
    if (p >= 0) out[k++] = p;
  }
  return out;
}

/** Puts ranks given in sorted order back into row order. */
function scatter(ranksInOrder: Float64Array, order: Int32Array): number[] {
  const out = new Array<number>(order.length);
  for (let k = 0; k < order.length; k++) out[order[k]] = ranksInOrder[k];
  return out;
}
