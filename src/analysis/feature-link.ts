import type { MediaFeature } from "../join/columns";
import type { BinnedMean } from "../stats/decile-bins";
import type { TextFeature } from "./text-features";

/** A feature a link can test: a numeric media feature or a text statistic of the session. */
export type LinkFeature = MediaFeature | TextFeature;

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
