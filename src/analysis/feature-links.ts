import type * as aq from "arquero";
import { MEDIA_FEATURES, type MediaFeature, dimensionColumn } from "../join/columns";
import { centeredPearson } from "../stats/centered-pearson";
import { sortedPresent } from "../stats/average-ranks";
import { countingRanks, ranksInOrder, subsetOrders, valueCodes, type ValueCodes } from "../stats/subset-ranks";
import { spearmanBootstrap } from "../stats/spearman-bootstrap";
import { spearmanInterval } from "../stats/spearman-interval";
import { decileBins, type BinnedMean } from "../stats/decile-bins";
import { correlationPValue } from "../stats/correlation-p-value";
import { benjaminiHochberg } from "../stats/benjamini-hochberg";
import { partialCorrelationGiven } from "../stats/partial-correlation";
import { correlationMatrix } from "../stats/spearman-matrix";
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
  const targets = withPresenceGroups(linkTargets(joined, dimensions).map(([name, values]) => ({ name, values, order: sortedPresent(values) })));
  // The controls' columns and sort orders, also used when they are tested as features.
  const known = new Map<LinkFeature, Column>();
  for (const f of LENGTH_CONTROLS) {
    const values = featureColumn(joined, f);
    if (values) known.set(f, { values, order: sortedPresent(values) });
  }
  const controls = [...known.values()];
  // Position of each row among a subset's rows (-1 where the row is not in it); reset after each subset.
  const position = new Int32Array(joined.numRows()).fill(-1);
  const links: FeatureLink[] = [];
  for (const feature of features) {
    const values = known.get(feature)?.values ?? featureColumn(joined, feature);
    if (!values) continue;
    const fx: Column = known.get(feature) ?? { values, order: sortedPresent(values) };
    const partialControls = !AMOUNT_FEATURES.some((f) => f === feature) ? controls : [];
    // The targets present on the same sessions (the dimensions, the overall score and the tags of every scored
    // session, usually) share the feature's side of their links.
    const sides = new Map<number, FeatureSide | undefined>();
    targets.forEach((target, t) => {
      // Text features are tested against the dimensions (targets 0 … dimensions.length − 1), not the overall score or tags.
      if (isTextFeature(feature) && t >= dimensions.length) return;
      if (!sides.has(target.group)) {
        const rows = presentRows(fx.values, target.values);
        sides.set(target.group, rows.length < minN ? undefined : featureSide(fx, rows, partialControls, position));
      }
      const side = sides.get(target.group);
      if (!side) return;
      const rows = side.rows;
      const y = gather(target.values, rows);
      const ry = targetRanks(target, rows, position);
      const rho = centeredPearson(side.rx, ry);
      const r = centeredPearson(side.x, y);
      if (r === undefined || rho === undefined) return;
      const n = rows.length;
      const interval = n > bootstrapMaxN || resamples <= 0 ? "fisher-z" : "bootstrap";
      const ci = interval === "fisher-z" ? spearmanInterval(rho, n) : spearmanBootstrap(side.x, y, side.orderX, subsetOrders(rows, [target.order], position)[0], { resamples, seed });
      if (!ci) return;
      const partial = side.partial ? partialSpearman(side, side.partial, target, ry, rho, position) : undefined;
      links.push({
        feature, target: target.name, n, missing: target.values.length - n, pearson: r, spearman: rho, ci95: ci, interval, p: correlationPValue(rho, n), q: NaN, significant: false,
        partial_spearman: partial?.rho ?? null, partial_p: partial ? correlationPValue(partial.rho, partial.n, controls.length) : NaN, bins: decileBins(side.x, y, side.orderX),
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

/** A feature's column in the table (NaN where missing), or `undefined` when the table does not have it. */
function featureColumn(table: aq.ColumnTable, feature: LinkFeature): Float64Array | undefined {
  if (isTextFeature(feature)) return textFeatureColumns(feature).every((c) => table.columnNames().includes(c)) ? textFeatureValues(table, feature) : undefined;
  return table.columnNames().includes(feature) ? finiteColumn(table, feature) : undefined;
}

/** A target of the links; `group` is shared by the targets present on exactly the same rows. */
interface Target extends Column {
  name: string;
  group: number;
  /** Its values as codes when they are few (scores, tags): ranked over any rows by counting. */
  codes?: ValueCodes;
}

/** Most distinct values a target is ranked by counting with (a dimension has ≤ 101, a tag 2). */
const MAX_CODES = 1 << 16;

/** The target's average ranks over `rows`: by counting its codes, else read off its order. */
function targetRanks(target: Target, rows: Int32Array, position: Int32Array): Float64Array {
  if (target.codes) return countingRanks(target.codes, rows);
  const [order] = subsetOrders(rows, [target.order], position);
  return ranksInOrder(gather(target.values, rows), order);
}

/** The targets with their presence groups: a target present on the same rows as an earlier one joins its group. */
function withPresenceGroups(targets: readonly (Column & { name: string })[]): Target[] {
  const out: Target[] = [];
  for (const t of targets) {
    const same = out.find((o) => samePresence(o.values, t.values));
    const codes = valueCodes(t.values, t.order);
    out.push({ ...t, group: same ? same.group : out.length, codes: codes.distinct <= MAX_CODES ? codes : undefined });
  }
  return out;
}

/** The two columns are present (finite) on the same rows. */
function samePresence(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (Number.isFinite(a[i]) !== Number.isFinite(b[i])) return false;
  return true;
}

/** A column of the table (NaN where missing) and the ascending order of its present rows. */
interface Column {
  values: Float64Array;
  order: Int32Array;
}

/** What a feature's links over one set of rows share: its values, order and ranks there, and the partial's controls. */
interface FeatureSide {
  rows: Int32Array;
  x: Float64Array;
  orderX: Int32Array;
  rx: Float64Array;
  /** The controls' side of the partial ρ; undefined when there are no controls or too few rows with them. */
  partial?: ControlSide;
}

/** The rows (of the pairs) where the controls are present too, the ranks of x and of the controls over them, and their correlations. */
interface ControlSide {
  /** Positions within the pairs of the rows with every control; `undefined` when that is every pair. */
  at?: Int32Array;
  rows: Int32Array;
  rx: Float64Array;
  rz: Float64Array[];
  /** Correlation matrix of [x, controls…] over `rows`. */
  r: number[][];
}

/** The feature's side of its links over `rows`, and the controls' side of the partial ρ over the rows that have them. */
function featureSide(fx: Column, rows: Int32Array, controls: readonly Column[], position: Int32Array): FeatureSide {
  const x = gather(fx.values, rows);
  const [orderX] = subsetOrders(rows, [fx.order], position);
  const side: FeatureSide = { rows, x, orderX, rx: ranksInOrder(x, orderX) };
  if (controls.length === 0) return side;
  const at = positionsWhere(rows, (i) => controls.every((c) => Number.isFinite(c.values[i])));
  if (at.length < controls.length + 5) return side;
  const every = at.length === rows.length;
  const crows = every ? rows : Int32Array.from(at, (p) => rows[p]);
  const [ordX, ...ordZ] = subsetOrders(crows, [fx.order, ...controls.map((c) => c.order)], position);
  const rx = every ? side.rx : ranksInOrder(gather(fx.values, crows), ordX);
  const rz = controls.map((c, k) => ranksInOrder(gather(c.values, crows), ordZ[k]));
  const r = correlationMatrix([rx, ...rz]);
  if (r) side.partial = { at: every ? undefined : at, rows: crows, rx, rz, r };
  return side;
}

/**
 * Spearman's ρ of x and y controlling for the controls, over the pairs where they are all present (the rank-based
 * partial correlation): x's side and the controls' ranks come from `c`; y is ranked over those rows (its ranks over
 * the pairs, `ry`, when the controls are present on every pair, the usual case).
 */
function partialSpearman(side: FeatureSide, c: ControlSide, target: Target, ry: Float64Array, rho: number, position: Int32Array): { rho: number; n: number } | undefined {
  let ryc = ry;
  let rxy = rho;
  if (c.at) {
    ryc = targetRanks(target, c.rows, position);
    const r = centeredPearson(c.rx, ryc);
    if (r === undefined) return undefined;
    rxy = r;
  }
  const ryz = c.rz.map((z) => centeredPearson(ryc, z));
  if (ryz.some((r) => r === undefined)) return undefined;
  // The matrix of [x, y, controls…].
  const k = c.rz.length;
  const m = [[1, rxy, ...c.r[0].slice(1)], [rxy, 1, ...(ryz as number[])]];
  for (let a = 0; a < k; a++) m.push([c.r[a + 1][0], ryz[a] as number, ...c.r[a + 1].slice(1)]);
  const partial = partialCorrelationGiven(m, 0, 1, c.rz.map((_, j) => j + 2));
  return partial === undefined ? undefined : { rho: partial, n: c.rows.length };
}

/** The rows where both columns are present, ascending. */
function presentRows(x: Float64Array, y: Float64Array): Int32Array {
  let m = 0;
  for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i]) && Number.isFinite(y[i])) m++;
  const rows = new Int32Array(m);
  for (let i = 0, k = 0; k < m; i++) if (Number.isFinite(x[i]) && Number.isFinite(y[i])) rows[k++] = i;
  return rows;
}

/** The positions p of `rows` where `keep(rows[p])`. */
function positionsWhere(rows: Int32Array, keep: (row: number) => boolean): Int32Array {
  const out = new Int32Array(rows.length);
  let k = 0;
  for (let p = 0; p < rows.length; p++) if (keep(rows[p])) out[k++] = p;
  return out.slice(0, k);
}

/** `values[rows[k]]` for each k. */
function gather(values: Float64Array, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = values[rows[k]];
  return out;
}
