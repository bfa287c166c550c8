import type * as aq from "arquero";
import { availableParallelism } from "node:os";
import { MEDIA_FEATURES } from "../join/columns";
import { benjaminiHochberg } from "../stats/benjamini-hochberg";
import { TEXT_FEATURES, isTextFeature, textFeatureColumns } from "./text-features";
import { isPresent } from "../stats/finite-values";
import { featureColumn, hasFeatureColumn, linkInputs, type LinkInputs } from "./link-inputs";
import { linksOfFeature, type LinkSettings } from "./feature-link-rows";
import { LinkScratch } from "./link-pairs";
import { runSteps } from "./steps";
import { linksInParallel } from "./parallel-links";
import type { FeatureLink, LinkFeature } from "./feature-link";

export type { FeatureLink, LinkFeature } from "./feature-link";

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
  /**
   * Threads computing the links: 1 or 2 (default: 2 where the machine has two cores or more). With 2, a worker
   * thread takes about half of the features (the columns in shared memory); the links are the same either way.
   */
  threads?: number;
  /** Fewer rows than this are linked on the calling thread alone (a worker costs ~0.1 s to start). Default 50,000. */
  parallelFrom?: number;
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
  return featureLinksAlongside(joined, dimensions, options, function* () {}).links;
}

/**
 * `featureLinks`, and `work` (steps: a generator) run on the calling thread while the links' worker thread links
 * the costliest features, fed between the steps (the analysis builds its student timeline and the dimensions'
 * figures there): its result is `extra`. Without a worker (one thread, a small table) `work` simply runs first.
 *
 * @example const { links, extra: timeline } = featureLinksAlongside(t.joined, t.dimensions, {}, function* () { return studentTimelines(t.sessions); })
 */
export function featureLinksAlongside<T>(joined: aq.ColumnTable, dimensions: readonly string[], options: FeatureLinkOptions, work: () => Iterator<void, T, undefined>): { links: FeatureLink[]; extra: T } {
  const { features = [...MEDIA_FEATURES, ...TEXT_FEATURES], resamples = 1000, seed = 1, minN = 10, bootstrapMaxN = 5000, fdr = 0.05 } = options;
  const settings: LinkSettings = { resamples, seed, minN, bootstrapMaxN };
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), 2));
  const parallel = threads > 1 && joined.numRows() >= (options.parallelFrom ?? 50_000);
  const inputs = linkInputs(joined, dimensions, parallel);
  const tested = features.filter((f) => hasFeatureColumn(joined, f));
  const column = (f: LinkFeature) => inputs.controls.get(f)?.values ?? featureColumn(joined, f)!;
  const run = parallel ? linksInParallel(tested, column, inputs, settings, (f) => presentShare(joined, f), work) : { extra: runSteps(work()), links: serialLinks(tested, column, inputs, settings) };
  const links = run.links.flat();
  const q = benjaminiHochberg(links.map((l) => l.p));
  links.forEach((l, i) => { l.q = q[i]; l.significant = q[i] < fdr; });
  return { links, extra: run.extra };
}

/** Each feature's links on this thread, in the features' order. */
function serialLinks(features: readonly LinkFeature[], column: (f: LinkFeature) => Float64Array, inputs: LinkInputs, settings: LinkSettings): FeatureLink[][] {
  const scratch = new LinkScratch(inputs.rows);
  return features.map((f) => linksOfFeature(f, column(f), inputs, settings, scratch));
}

/** The share of rows where a feature is present, estimated on up to 4,096 evenly spaced rows (to balance threads). */
function presentShare(joined: aq.ColumnTable, feature: LinkFeature): number {
  const column = isTextFeature(feature) ? textFeatureColumns(feature)[0] : feature;
  const get = joined.getter(column);
  const n = joined.numRows();
  const step = Math.max(1, Math.floor(n / 4096));
  let seen = 0;
  let present = 0;
  for (let i = 0; i < n; i += step, seen++) if (isPresent(get(i))) present++;
  return seen ? present / seen : 0;
}
