import type * as aq from "arquero";
import { MEDIA_FEATURES, type MediaFeature, dimensionColumn } from "../join/columns";
import { pairedColumns } from "../stats/paired-columns";
import { isPresent } from "../stats/finite-values";
import { pearson } from "../stats/correlation";
import { averageRanks, sortedPresent } from "../stats/average-ranks";
import { spearmanBootstrap } from "../stats/spearman-bootstrap";
import { spearmanInterval } from "../stats/spearman-interval";
import { decileBins, type BinnedMean } from "../stats/decile-bins";
import { correlationPValue } from "../stats/correlation-p-value";
import { benjaminiHochberg } from "../stats/benjamini-hochberg";
import { partialCorrelationGiven } from "../stats/partial-correlation";
import { correlationMatrix, rankValues } from "../stats/spearman-matrix";
import { finiteColumn } from "./finite-column";
import { AMOUNT_FEATURES, LENGTH_CONTROLS, TEXT_FEATURES, isTextFeature, textFeatureColumns, textFeatureValues, type TextFeature } from "./text-features";

/** A feature a link can test: a numeric media feature or a text statistic of the session. */
export type LinkFeature = MediaFeature | TextFeature;

/** Options of `featureLinks`. */
export interface FeatureLinkOptions {
  /** Features to test; default every numeric media feature and every text feature (`TEXT_FEATURES`). */
  features?: readonly LinkFeature[];
  /** Bootstrap resamples for Spearman's interval; default 1000 (≥ 1,000 per the reference criteria); 0: Fisher z always. */
  resamples?: number;
  /** Bootstrap seed; default 1. */
  seed?: number;
  /** Pairs needed to report a link; default 10. */
  minN?: number;
  /** Above this many pairs the interval is Fisher z with the Bonett–Wright SE instead of the bootstrap; default 5000. */
  bootstrapMaxN?: number;
  /** False discovery rate of `significant` (Benjamini–Hochberg over every link of the run); default 0.05. */
  fdr?: number;
}

/** One feature against one target. */
export interface FeatureLink {
  /** The feature, named by its place in the log (`audio.filler_word_ratio`, `diagnostics.total_words`). */
  feature: LinkFeature;
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
  /** Two-sided p-value of ρ (Fisher z, Bonett–Wright SE). */
  p: number;
  /** Benjamini–Hochberg q-value over every link of the run. */
  q: number;
  /** q < `fdr` (default 0.05). */
  significant: boolean;
  /**
   * Spearman's ρ at an equal amount said: the partial ρ given the ranks of total_words and of the number of answers
   * (`LENGTH_CONTROLS`). null for the amount features themselves (total_words, answers, avg_answer_len) or without them.
   */
  partial_spearman: number | null;
  /** Two-sided p-value of the partial ρ (two variables partialled out); NaN when there is none. */
  partial_p: number;
  /** Mean target per feature decile (for plots): upper bound of the bin, mean, count. */
  bins: BinnedMean[];
}

/**
 * Every numeric media feature (per-session means from the join layer) against every dimension, the overall score
 * and every dimension's risk tag, and every text feature (`TEXT_FEATURES`) against every dimension: n, Pearson, Spearman with a 95% interval
 * (seeded bootstrap up to `bootstrapMaxN` pairs, Fisher z above), its p-value and Benjamini–Hochberg q-value over
 * all the links of the run, the partial ρ at an equal amount said (total_words and answers), and decile bins. Sessions without the
 * feature are left out and counted; a feature whose column is absent is not tested.
 *
 * @example featureLinks(t.joined, t.dimensions).filter(l => l.significant) // q < 0.05
 */
export function featureLinks(joined: aq.ColumnTable, dimensions: readonly string[], options: FeatureLinkOptions = {}): FeatureLink[] {
  const { features = [...MEDIA_FEATURES, ...TEXT_FEATURES], resamples = 1000, seed = 1, minN = 10, bootstrapMaxN = 5000, fdr = 0.05 } = options;
  const targets = linkTargets(joined, dimensions);
  // The controls' columns and sort orders, also used when they are tested as features.
  const known = new Map<LinkFeature, { values: ArrayLike<unknown>; order: Int32Array }>();
  for (const f of LENGTH_CONTROLS) {
    const values = featureColumn(joined, f);
    if (values) known.set(f, { values, order: sortedPresent(values) });
  }
  const controls = [...known.values()].map((c) => c.values);
  const controlOrders = [...known.values()].map((c) => c.order);
  const links: FeatureLink[] = [];
  // Position of each row among a subset's rows (-1 where the row is not in it); reset after each subset.
  const position = new Int32Array(joined.numRows()).fill(-1);
  const targetOrders = targets.map(([, ty]) => sortedPresent(ty));
  for (const feature of features) {
    const fx = known.get(feature)?.values ?? featureColumn(joined, feature);
    if (!fx) continue;
    const featureOrder = known.get(feature)?.order ?? sortedPresent(fx);
    const cache: { last?: PartialCache } = {};
    targets.forEach(([target, ty], t) => {
      // Text features are tested against the dimensions (targets 0 … dimensions.length − 1), not the overall score or tags.
      if (isTextFeature(feature) && t >= dimensions.length) return;
      const { x, y, rows, missing } = pairedColumns(fx, ty);
      if (x.length < minN) return;
      const [orderX, orderY] = subsetOrders(rows, [featureOrder, targetOrders[t]], position);
      const rx = ranks(x, orderX);
      const ry = ranks(y, orderY);
      const rho = pearson(rx, ry);
      const r = pearson(x, y);
      if (r === undefined || rho === undefined) return;
      const interval = x.length > bootstrapMaxN || resamples <= 0 ? "fisher-z" : "bootstrap";
      const ci = interval === "fisher-z" ? spearmanInterval(rho, x.length) : spearmanBootstrap(x, y, orderX, orderY, { resamples, seed });
      if (!ci) return;
      const partial = !AMOUNT_FEATURES.some((f) => f === feature) && controls.length ? partialSpearman({ rows, rx, ry }, rho, controls, controlOrders, position, cache) : undefined;
      links.push({
        feature, target, n: x.length, missing, pearson: r, spearman: rho, ci95: ci, interval, p: correlationPValue(rho, x.length), q: NaN, significant: false,
        partial_spearman: partial?.rho ?? null, partial_p: partial ? correlationPValue(partial.rho, partial.n, controls.length) : NaN, bins: decileBins(x, y, orderX),
      });
    });
  }
  const q = benjaminiHochberg(links.map((l) => l.p));
  links.forEach((l, i) => { l.q = q[i]; l.significant = q[i] < fdr; });
  return links;
}

/**
 * The targets of the links: every dimension, the overall score, and each dimension's risk tag as 0/1 (NaN without
 * scores), those the table has; each a `Float64Array` with NaN where missing (`finiteColumn`).
 */
function linkTargets(joined: aq.ColumnTable, dimensions: readonly string[]): [string, Float64Array][] {
  const targets: [string, Float64Array][] = dimensions.map((d) => [d, finiteColumn(joined, dimensionColumn(d))]);
  if (!joined.columnNames().includes("overall_score")) return targets;
  const hasDims = finiteColumn(joined, "overall_score");
  targets.push(["overall_score", hasDims]);
  if (!joined.columnNames().includes("risk_tags")) return targets;
  const risks = riskIndicators(joined, dimensions, hasDims);
  dimensions.forEach((d, k) => targets.push([`risk:${d}`, risks[k]]));
  return targets;
}

/**
 * Per dimension, 1 where the session's risk_tags name it and 0 where they do not, NaN where `scored` is not finite
 * (no scores): one pass over the tags, without an array of them.
 */
function riskIndicators(joined: aq.ColumnTable, dimensions: readonly string[], scored: Float64Array): Float64Array[] {
  const tags = joined.getter("risk_tags") as (row: number) => readonly string[] | null;
  const out = dimensions.map(() => new Float64Array(scored.length));
  for (let i = 0; i < scored.length; i++) {
    if (!Number.isFinite(scored[i])) {
      for (const o of out) o[i] = NaN;
      continue;
    }
    const r = tags(i);
    dimensions.forEach((d, k) => { out[k][i] = r?.includes(d) ? 1 : 0; });
  }
  return out;
}

/** A feature's column in the table, or `undefined` when the table does not have it. */
function featureColumn(table: aq.ColumnTable, feature: LinkFeature): ArrayLike<unknown> | undefined {
  if (isTextFeature(feature)) return textFeatureColumns(feature).every((c) => table.columnNames().includes(c)) ? textFeatureValues(table, feature) : undefined;
  return table.columnNames().includes(feature) ? finiteColumn(table, feature) : undefined;
}

/** A link's complete pairs: the rows and the ranks of x and y over them. */
interface Pairs {
  rows: Int32Array;
  rx: Float64Array;
  ry: Float64Array;
}

/** The ranks of the controls over one set of rows and their correlations with the feature, kept for the next target with the same rows. */
interface PartialCache {
  rows: Int32Array;
  rz: Float64Array[];
  /** Correlation matrix of [x, controls…]. */
  r: number[][];
}

/**
 * Spearman's ρ of x and y controlling for `controls`, over the rows where all are present (the rank-based partial
 * correlation). When the controls are present on every pair (the usual case) it reuses the pairs' ranks, and the
 * ranks of the controls and their correlations with x, which depend on the rows only, are kept in `cache` for the
 * next target of the same feature (the dimensions share their rows).
 */
function partialSpearman(pairs: Pairs, rho: number, controls: readonly ArrayLike<unknown>[], controlOrders: readonly Int32Array[], position: Int32Array, cache: { last?: PartialCache }): { rho: number; n: number } | undefined {
  const rows = pairs.rows.filter((i) => controls.every((c) => isPresent(c[i])));
  if (rows.length < controls.length + 5) return undefined;
  if (rows.length < pairs.rows.length) return partialOnSubset(pairs, rows, controls, controlOrders, position);
  let c = cache.last;
  if (!c || !sameRows(c.rows, rows)) {
    const orders = subsetOrders(rows, controlOrders, position);
    const rz = controls.map((z, k) => ranks(Float64Array.from(rows, (i) => Number(z[i])), orders[k]));
    const r = correlationMatrix([pairs.rx, ...rz]);
    if (!r) return undefined;
    c = cache.last = { rows, rz, r };
  }
  const ry = correlationMatrix([pairs.ry, ...c.rz]);
  if (!ry) return undefined;
  // The matrix of [x, y, controls…].
  const k = controls.length;
  const m = [[1, rho, ...c.r[0].slice(1)], [rho, 1, ...ry[0].slice(1)]];
  for (let a = 0; a < k; a++) m.push([c.r[a + 1][0], ry[a + 1][0], ...c.r[a + 1].slice(1)]);
  const partial = partialCorrelationGiven(m, 0, 1, controls.map((_, j) => j + 2));
  return partial === undefined ? undefined : { rho: partial, n: rows.length };
}

/** The partial ρ over a subset of the pairs (some controls missing): every column ranked afresh over the subset. */
function partialOnSubset(pairs: Pairs, rows: Int32Array, controls: readonly ArrayLike<unknown>[], controlOrders: readonly Int32Array[], position: Int32Array): { rho: number; n: number } | undefined {
  const keep = new Set(rows);
  const at = Array.from(pairs.rows.keys()).filter((p) => keep.has(pairs.rows[p]));
  const values = [at.map((p) => pairs.rx[p]), at.map((p) => pairs.ry[p])];
  const orders = subsetOrders(rows, controlOrders, position);
  const rk = [...values.map((v) => rankValues(v)), ...controls.map((z, k) => ranks(Float64Array.from(rows, (i) => Number(z[i])), orders[k]))];
  const r = correlationMatrix(rk);
  const rho = r ? partialCorrelationGiven(r, 0, 1, controls.map((_, j) => j + 2)) : undefined;
  return rho === undefined ? undefined : { rho, n: rows.length };
}

/** Same rows in the same order. */
function sameRows(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}


/** The ascending orders of a subset of rows (as positions within `rows`), read off the table-wide orders. */
function subsetOrders(rows: ArrayLike<number>, orders: readonly Int32Array[], position: Int32Array): Int32Array[] {
  for (let p = 0; p < rows.length; p++) position[rows[p]] = p;
  const out = orders.map((order) => {
    const sub = new Int32Array(rows.length);
    let k = 0;
    for (let j = 0; j < order.length; j++) {
      const p = position[order[j]];
      if (p >= 0) sub[k++] = p;
    }
    return sub;
  });
  for (let p = 0; p < rows.length; p++) position[rows[p]] = -1;
  return out;
}

/** Average ranks of `values` in their own order, given their ascending order. */
function ranks(values: ArrayLike<number>, order: Int32Array): Float64Array {
  const inOrder = averageRanks(values, order);
  const out = new Float64Array(order.length);
  for (let k = 0; k < order.length; k++) out[order[k]] = inOrder[k];
  return out;
}
