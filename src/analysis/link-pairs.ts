import { centeredSide, pearsonWithSide, type CenteredSide } from "../stats/centered-pearson";
import { correlationMatrix } from "../stats/spearman-matrix";
import { partialCorrelationGiven } from "../stats/partial-correlation";
import { countingRanks, ranksInOrder, subsetOrders } from "../stats/subset-ranks";
import { decileIndex, type DecileIndex } from "../stats/decile-bins";
import { gather } from "../stats/gather";
import { sameRows } from "../stats/same-rows";
import { RankScratch } from "../stats/rank-scratch";
import type { Column, Target } from "./link-inputs";

/**
 * What a feature's links over one set of rows share, computed once for every target present on those rows: the
 * feature's values, order, centred values and ranks, decile bins, and the controls' side of the partial ρ.
 */
export interface FeatureSide {
  rows: Int32Array;
  x: Float64Array;
  orderX: Int32Array;
  /** x centred, for Pearson's r with each target in one pass. */
  xc: CenteredSide;
  /** x's ranks centred, for Spearman's ρ. */
  rxc: CenteredSide;
  bins: DecileIndex;
  /** The controls' side of the partial ρ; undefined when there are no controls or too few rows with them. */
  partial?: ControlSide;
}

/** The rows (of the pairs) where the controls are present too, the ranks of x and of the controls over them, and their correlations. */
export interface ControlSide {
  /** Whether some pairs lack a control (then y is ranked again over `rows`). */
  subset: boolean;
  rows: Int32Array;
  /** x's ranks over `rows`, centred (when `subset`). */
  rxc?: CenteredSide;
  /** The controls' ranks over `rows`, centred. */
  rz: CenteredSide[];
  /** Correlation matrix of [x, controls…] over `rows`. */
  r: number[][];
}

/** The feature's side of its links over `rows`, and the controls' side of the partial ρ over the rows that have them. */
export function featureSide(fx: Column, rows: Int32Array, controls: readonly Column[], scratch: LinkScratch): FeatureSide {
  const { position } = scratch;
  const x = gather(fx.values, rows);
  const [orderX] = subsetOrders(rows, [fx.order], position);
  const rx = ranksInOrder(x, orderX, scratch.ranks);
  const side: FeatureSide = { rows, x, orderX, xc: centeredSide(x), rxc: centeredSide(rx), bins: decileIndex(x, orderX) };
  if (controls.length === 0) return side;
  const at = positionsWhere(rows, (i) => controls.every((c) => Number.isFinite(c.values[i])));
  if (at.length < controls.length + 5) return side;
  const subset = at.length < rows.length;
  const crows = subset ? Int32Array.from(at, (p) => rows[p]) : rows;
  const rxs = subset ? ranksInOrder(gather(fx.values, crows), subsetOrders(crows, [fx.order], position)[0], scratch.ranks) : rx;
  const { rz, rzc } = scratch.controlRanks(controls, crows);
  const r = correlationMatrix([rxs, ...rz]);
  if (r) side.partial = { subset, rows: crows, rxc: subset ? centeredSide(rxs) : undefined, rz: rzc, r };
  return side;
}

/** The controls' ranks over some rows, and centred. */
interface ControlRanks {
  controls: readonly Column[];
  rows: Int32Array;
  rz: Float64Array[];
  rzc: CenteredSide[];
}

/**
 * A thread's scratch for the links: `position` (the table's length, filled with -1), the buffers a target's
 * values and ranks are written to, reused from link to link (at 2M sessions each is 16 MB: allocated per link they
 * were most of the collector's work), and the rank sorts' (`ranks`).
 */
export class LinkScratch {
  readonly position: Int32Array;
  readonly ranks = new RankScratch();
  private readonly buffers: Float64Array[];
  private controls?: ControlRanks;

  constructor(rows: number) {
    this.position = new Int32Array(rows).fill(-1);
    this.buffers = [0, 1, 2].map(() => new Float64Array(rows));
  }

  /**
   * The controls' ranks over `rows` (and centred), kept for the next feature: the features present on the same
   * sessions (every report feature, usually) share them. At 2M sessions they are ~110 MB of arrays a feature
   * (gathered values, orders, ranks, centred ranks), which, allocated per feature, started most of the collector's
   * full collections.
   */
  controlRanks(controls: readonly Column[], rows: Int32Array): ControlRanks {
    const kept = this.controls;
    if (kept && kept.controls.length === controls.length && kept.controls.every((c, k) => c === controls[k]) && sameRows(kept.rows, rows)) return kept;
    this.controls = undefined; // released before the next ones are built
    const ord = subsetOrders(rows, controls.map((c) => c.order), this.position);
    const rz = controls.map((c, k) => ranksInOrder(gather(c.values, rows), ord[k], this.ranks));
    return (this.controls = { controls, rows, rz, rzc: rz.map(centeredSide) });
  }

  /** Scratch buffer `k` (0 … 2) as an array of length n, overwritten by the next link. */
  buffer(k: number, n: number): Float64Array {
    return this.buffers[k].subarray(0, n);
  }
}

/**
 * Spearman's ρ and Pearson's r of the feature with one target over the side's rows, and the target's values and
 * ranks there (in the scratch's buffers 0 and 1: valid until the next link).
 */
export function sideCorrelations(side: FeatureSide, target: Target, scratch: LinkScratch) {
  const n = side.rows.length;
  const y = gather(target.values, side.rows, scratch.buffer(0, n));
  const ry = targetRanks(target, side.rows, scratch, scratch.buffer(1, n));
  return { y, ry, rho: pearsonWithSide(side.rxc, ry), r: pearsonWithSide(side.xc, y) };
}

/**
 * Spearman's ρ of x and y controlling for the controls, over the pairs where they are all present (the rank-based
 * partial correlation): x's side and the controls' ranks come from `c`; y is ranked over those rows (its ranks over
 * the pairs, `ry`, when the controls are present on every pair, the usual case).
 */
export function partialSpearman(c: ControlSide, target: Target, ry: Float64Array, rho: number, scratch: LinkScratch): { rho: number; n: number } | undefined {
  let ryc = ry;
  let rxy: number | undefined = rho;
  if (c.subset) {
    ryc = targetRanks(target, c.rows, scratch, scratch.buffer(2, c.rows.length));
    rxy = pearsonWithSide(c.rxc!, ryc);
    if (rxy === undefined) return undefined;
  }
  const ryz = c.rz.map((z) => pearsonWithSide(z, ryc));
  if (ryz.some((r) => r === undefined)) return undefined;
  // The matrix of [x, y, controls…].
  const m = [[1, rxy, ...c.r[0].slice(1)], [rxy, 1, ...(ryz as number[])]];
  c.rz.forEach((_, a) => m.push([c.r[a + 1][0], ryz[a] as number, ...c.r[a + 1].slice(1)]));
  const partial = partialCorrelationGiven(m, 0, 1, c.rz.map((_, j) => j + 2));
  return partial === undefined ? undefined : { rho: partial, n: c.rows.length };
}

/** The target's average ranks over `rows`: by counting its codes, else read off its order. */
function targetRanks(target: Target, rows: Int32Array, scratch: LinkScratch, out: Float64Array): Float64Array {
  if (target.codes) return countingRanks(target.codes, rows, out);
  const [order] = subsetOrders(rows, [target.order], scratch.position);
  return ranksInOrder(gather(target.values, rows), order, scratch.ranks);
}

/** The positions p of `rows` where `keep(rows[p])`. */
function positionsWhere(rows: Int32Array, keep: (row: number) => boolean): Int32Array {
  const out = new Int32Array(rows.length);
  let k = 0;
  for (let p = 0; p < rows.length; p++) if (keep(rows[p])) out[k++] = p;
  return out.slice(0, k);
}
