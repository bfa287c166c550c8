import type * as aq from "arquero";
import { dimensionColumn } from "../join/columns";
import { sortedPresent } from "../stats/average-ranks";
import { RankScratch } from "../stats/rank-scratch";
import { valueCodes, type ValueCodes } from "../stats/subset-ranks";
import { toShared } from "../stats/shared-arrays";
import { finiteColumn } from "./finite-column";
import { LENGTH_CONTROLS, isTextFeature, textFeatureColumns, textFeatureValues } from "./text-features";
import type { LinkFeature } from "./feature-link";

/** A column of the links (NaN where missing) and the ascending order of its present rows. */
export interface Column {
  values: Float64Array;
  order: Int32Array;
}

/** A target of the links; `group` is shared by the targets present on exactly the same rows. */
export interface Target extends Column {
  name: string;
  group: number;
  /** Its values as codes when they are few (scores, tags): ranked over any rows by counting. */
  codes?: ValueCodes;
}

/** What every feature's links read: the targets and the length controls (by feature name, also tested as features). */
export interface LinkInputs {
  rows: number;
  /** How many of the targets are dimensions (the first ones): text features are tested against those only. */
  dimensions: number;
  targets: Target[];
  controls: Map<LinkFeature, Column>;
}

/** Most distinct values a target is ranked by counting with (a dimension has ≤ 101, a tag 2). */
const MAX_CODES = 1 << 16;

/**
 * The targets and controls of the links from the joined table: every dimension, the overall score and each
 * dimension's risk tag (those the table has), and the length controls, each with its order; in shared memory
 * when `shared` (for the worker threads of `featureLinks`).
 */
export function linkInputs(joined: aq.ColumnTable, dimensions: readonly string[], shared = false): LinkInputs {
  const share = <T extends Float64Array | Int32Array>(a: T): T => (shared ? toShared(a) : a);
  const scratch = new RankScratch();
  const column = (values: Float64Array): Column => ({ values: share(values), order: share(sortedPresent(values, scratch)) });
  const targets: Target[] = [];
  for (const [name, values] of linkTargets(joined, dimensions)) {
    const c = column(values);
    const same = targets.find((o) => samePresence(o.values, c.values));
    const codes = valueCodes(c.values, c.order);
    targets.push({ name, ...c, group: same ? same.group : targets.length, codes: codes.distinct <= MAX_CODES ? { codes: share(codes.codes), distinct: codes.distinct } : undefined });
  }
  const controls = new Map<LinkFeature, Column>();
  for (const f of LENGTH_CONTROLS) {
    const values = featureColumn(joined, f);
    if (values) controls.set(f, column(values));
  }
  return { rows: joined.numRows(), dimensions: dimensions.length, targets, controls };
}

/** The table has the columns a feature is read from. */
export function hasFeatureColumn(table: aq.ColumnTable, feature: LinkFeature): boolean {
  const names = table.columnNames();
  return isTextFeature(feature) ? textFeatureColumns(feature).every((c) => names.includes(c)) : names.includes(feature);
}

/** A feature's column in the table (NaN where missing), or `undefined` when the table does not have it. */
export function featureColumn(table: aq.ColumnTable, feature: LinkFeature): Float64Array | undefined {
  if (!hasFeatureColumn(table, feature)) return undefined;
  return isTextFeature(feature) ? textFeatureValues(table, feature) : finiteColumn(table, feature);
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

/** The two columns are present (finite) on the same rows. */
function samePresence(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (Number.isFinite(a[i]) !== Number.isFinite(b[i])) return false;
  return true;
}
