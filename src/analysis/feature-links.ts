import type * as aq from "arquero";
import { MEDIA_FEATURES, type MediaFeature, dimensionColumn } from "../join/columns";
import { pairedValues } from "../stats/paired-values";
import { pearson } from "../stats/correlation";
import { averageRanks, sortedPresent } from "../stats/average-ranks";
import { spearmanBootstrap } from "../stats/spearman-bootstrap";
import { spearmanInterval } from "../stats/spearman-interval";
import { decileBins, type BinnedMean } from "../stats/decile-bins";
import { correlationPValue } from "../stats/correlation-p-value";
import { benjaminiHochberg } from "../stats/benjamini-hochberg";
import { partialCorrelationGiven } from "../stats/partial-correlation";
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
 * Every feature (numeric media features: per-session means from the join layer; the text diagnostics) against
 * every dimension, the overall score and every dimension's risk tag: n, Pearson, Spearman with a 95% interval
 * (seeded bootstrap up to `bootstrapMaxN` pairs, Fisher z above), its p-value and Benjamini–Hochberg q-value over
 * all the links of the run, the partial ρ at an equal amount said (total_words and answers), and decile bins. Sessions without the
 * feature are left out and counted; a feature whose column is absent is not tested.
 *
 * @example featureLinks(t.joined, t.dimensions).filter(l => l.significant) // q < 0.05
 */
export function featureLinks(joined: aq.ColumnTable, dimensions: readonly string[], options: FeatureLinkOptions = {}): FeatureLink[] {
  const { features = [...MEDIA_FEATURES, ...TEXT_FEATURES], resamples = 1000, seed = 1, minN = 10, bootstrapMaxN = 5000, fdr = 0.05 } = options;
  const targets = linkTargets(joined, dimensions);
  const controls = LENGTH_CONTROLS.map((f) => featureColumn(joined, f)).filter((c): c is ArrayLike<unknown> => c !== undefined);
  const controlOrders = controls.map((c) => sortedPresent(c));
  const links: FeatureLink[] = [];
  // Position of each row among a subset's rows (-1 where the row is not in it); reset after each subset.
  const position = new Int32Array(joined.numRows()).fill(-1);
  const targetOrders = targets.map(([, ty]) => sortedPresent(ty));
  for (const feature of features) {
    const fx = featureColumn(joined, feature);
    if (!fx) continue;
    const featureOrder = sortedPresent(fx);
    targets.forEach(([target, ty], t) => {
      const { x, y, rows, missing } = pairedValues(fx, ty);
      if (x.length < minN) return;
      const [orderX, orderY] = subsetOrders(rows, [featureOrder, targetOrders[t]], position);
      const rho = pearson(ranks(x, orderX), ranks(y, orderY));
      const r = pearson(x, y);
      if (r === undefined || rho === undefined) return;
      const interval = x.length > bootstrapMaxN || resamples <= 0 ? "fisher-z" : "bootstrap";
      const ci = interval === "fisher-z" ? spearmanInterval(rho, x.length) : spearmanBootstrap(x, y, orderX, orderY, { resamples, seed });
      if (!ci) return;
      const partial = !AMOUNT_FEATURES.some((f) => f === feature) && controls.length ? partialSpearman([fx, ty, ...controls], [featureOrder, targetOrders[t], ...controlOrders], position) : undefined;
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

/** The targets of the links: every dimension, the overall score, and each dimension's risk tag as 0/1 (NaN without scores). */
function linkTargets(joined: aq.ColumnTable, dimensions: readonly string[]): [string, ArrayLike<unknown>][] {
  const targets: [string, ArrayLike<unknown>][] = [
    ...dimensions.map((d) => [d, joined.array(dimensionColumn(d)) as ArrayLike<unknown>] as [string, ArrayLike<unknown>]),
    ["overall_score", joined.array("overall_score") as ArrayLike<unknown>],
  ];
  const risks = joined.array("risk_tags") as (readonly string[] | null)[];
  const hasDims = joined.array("overall_score") as ArrayLike<number>;
  for (const d of dimensions) targets.push([`risk:${d}`, risks.map((r, i) => (Number.isFinite(hasDims[i]) ? (r?.includes(d) ? 1 : 0) : NaN))]);
  return targets;
}

/** A feature's column in the table, or `undefined` when the table does not have it. */
function featureColumn(table: aq.ColumnTable, feature: LinkFeature): ArrayLike<unknown> | undefined {
  if (isTextFeature(feature)) return textFeatureColumns(feature).every((c) => table.columnNames().includes(c)) ? textFeatureValues(table, feature) : undefined;
  return table.columnNames().includes(feature) ? (table.array(feature) as ArrayLike<unknown>) : undefined;
}

/** Spearman's ρ of columns[0] and columns[1] controlling for the others, over the rows where all are present (the rank-based partial correlation). */
function partialSpearman(columns: readonly ArrayLike<unknown>[], orders: readonly Int32Array[], position: Int32Array): { rho: number; n: number } | undefined {
  const rows: number[] = [];
  for (let i = 0; i < columns[0].length; i++) if (columns.every((c) => present(c[i]))) rows.push(i);
  if (rows.length < columns.length + 3) return undefined;
  const subOrders = subsetOrders(rows, orders, position);
  const r = columnRanks(columns.map((c) => rows.map((i) => c[i] as number)), subOrders);
  const rho = r === undefined ? undefined : partialCorrelationGiven(r, 0, 1, columns.slice(2).map((_, k) => k + 2));
  return rho === undefined ? undefined : { rho, n: rows.length };
}

/** The Spearman correlation matrix of columns (given their ascending orders); `undefined` when a column is constant. */
function columnRanks(values: readonly number[][], orders: readonly Int32Array[]): number[][] | undefined {
  const rk = values.map((v, k) => ranks(v, orders[k]));
  const r = rk.map(() => new Array<number>(rk.length).fill(1));
  for (let a = 0; a < rk.length; a++) {
    for (let b = a + 1; b < rk.length; b++) {
      const v = pearson(rk[a], rk[b]);
      if (v === undefined) return undefined;
      r[a][b] = r[b][a] = v;
    }
  }
  return r;
}

const present = (v: unknown): boolean => typeof v === "number" && Number.isFinite(v);

/** The ascending orders of a subset of rows (as positions within `rows`), read off the table-wide orders. */
function subsetOrders(rows: readonly number[], orders: readonly Int32Array[], position: Int32Array): Int32Array[] {
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
function ranks(values: readonly number[], order: Int32Array): number[] {
  const inOrder = averageRanks(values, order);
  const out = new Array<number>(order.length);
  for (let k = 0; k < order.length; k++) out[order[k]] = inOrder[k];
  return out;
}
