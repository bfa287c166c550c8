import type { RulesConfig } from "../rules/rules-config";
import { benjaminiHochberg } from "../stats/benjamini-hochberg";
import { nameRecord } from "../join/name-record";
import type { FeatureLink, LinkFeature } from "./feature-links";
import { isTextFeature, LENGTH_FEATURE, type TextFeature } from "./text-features";

/** Options of `dimensionEvidence`. */
export interface EvidenceOptions {
  /** A link supports a dimension when its |partial ρ| is at least this. Default 0.1 (Cohen's "small" correlation, the kit's choice of a useful size). */
  minEvidence?: number;
  /** …and its Benjamini–Hochberg q-value is below this. Default 0.05. */
  fdr?: number;
  /**
   * The family of the Benjamini–Hochberg correction. `dimension` (default): each dimension's evidence links, so
   * for a dimension that tracks nothing the chance of a false `supported` stays at `fdr` (BH controls the
   * family-wise error under the family's global null) instead of growing with the true links of the other
   * dimensions, which loosen a run-wide BH. `run`: every evidence link of every dimension as one family.
   */
  family?: "dimension" | "run";
}

/** One piece of external evidence: a feature against a dimension after the length control. */
export interface EvidenceLink {
  feature: LinkFeature;
  n: number;
  spearman: number;
  /** ρ controlling for total_words (ρ itself when the table has no total_words). */
  partial_spearman: number;
  /** Benjamini–Hochberg q-value over the family (`EvidenceOptions.family`: the dimension's evidence links by default). */
  q: number;
  supports: boolean;
}

/** A dimension's external evidence, strongest |partial ρ| first. */
export interface DimensionEvidence {
  links: EvidenceLink[];
  supported: boolean;
}

/**
 * The text statistics a dimension's score is built from under the rules, so they are no independent evidence for
 * it: 表达清晰度 is computed from avg_answer_len and filler_ratio (and so the number of answers, total_words /
 * avg_answer_len); STAR and reflection are keyword shares of the joined answers, which grow with the amount said
 * (total_words, answers, avg_answer_len). total_words is the control of every dimension.
 *
 * @example builtFrom("表达清晰度", defaultRules()) // ["diagnostics.total_words", "diagnostics.avg_answer_len", "diagnostics.filler_ratio", "diagnostics.answers"]
 */
export function builtFrom(dimension: string, rules: RulesConfig): TextFeature[] {
  if (dimension === rules.clarity.dimension) return [LENGTH_FEATURE, "diagnostics.avg_answer_len", "diagnostics.filler_ratio", "diagnostics.answers"];
  if (dimension === rules.star.dimension || dimension === rules.reflection.dimension) return [LENGTH_FEATURE, "diagnostics.avg_answer_len", "diagnostics.answers"];
  return [LENGTH_FEATURE];
}

/**
 * External evidence per dimension (Campbell & Fiske's convergent evidence, `../shared/analysis-references.md`):
 * its links to the media features and to the text statistics it is not built from (`builtFrom`), after the length
 * control (partial ρ given total_words), Benjamini–Hochberg over the dimension's links (or the run's: `family`); `supported` with at least one link of
 * |partial ρ| ≥ `minEvidence` at q < `fdr`. Links to the other scores or to risk tags are not evidence.
 *
 * @example dimensionEvidence(featureLinks(t.joined, t.dimensions), t.dimensions, defaultRules())["表达清晰度"].supported
 */
export function dimensionEvidence(links: readonly FeatureLink[], dimensions: readonly string[], rules: RulesConfig, options: EvidenceOptions = {}): Record<string, DimensionEvidence> {
  const { minEvidence = 0.1, fdr = 0.05, family = "dimension" } = options;
  const dims = new Set(dimensions);
  const tested = links.filter((l) => dims.has(l.target) && !(isTextFeature(l.feature) && builtFrom(l.target, rules).includes(l.feature)));
  const p = tested.map((l) => (l.partial_spearman === null ? l.p : l.partial_p));
  const q = family === "run" ? benjaminiHochberg(p) : new Array<number>(p.length);
  if (family === "dimension") {
    for (const d of dims) {
      const at = tested.flatMap((l, i) => (l.target === d ? [i] : []));
      benjaminiHochberg(at.map((i) => p[i])).forEach((v, k) => { q[at[k]] = v; });
    }
  }
  const out = nameRecord<DimensionEvidence>();
  for (const d of dimensions) out[d] = { links: [], supported: false };
  tested.forEach((l, i) => {
    const partial = l.partial_spearman ?? l.spearman;
    const supports = Math.abs(partial) >= minEvidence && q[i] < fdr;
    const e = out[l.target];
    e.links.push({ feature: l.feature, n: l.n, spearman: l.spearman, partial_spearman: partial, q: q[i], supports });
    e.supported ||= supports;
  });
  for (const d of dimensions) out[d].links.sort((a, b) => Math.abs(b.partial_spearman) - Math.abs(a.partial_spearman));
  return out;
}
