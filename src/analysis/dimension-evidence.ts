import type { RulesConfig } from "../rules/rules-config";
import { benjaminiHochberg } from "../stats/benjamini-hochberg";
import { nameRecord } from "../join/name-record";
import type { FeatureLink, LinkFeature } from "./feature-links";
import { AMOUNT_FEATURES, isTextFeature, TEXT_FEATURES, type TextFeature } from "./text-features";

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
  /** ρ at an equal amount said (partial ρ given total_words and answers; ρ itself when the table has no diagnostics). */
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
 * The text statistics that are no independent evidence for a dimension: the amount said (total_words, answers,
 * avg_answer_len), which is the length control of every dimension, and for 表达清晰度 also filler_ratio, which
 * its rule is computed from (with avg_answer_len). STAR and reflection are keyword shares of the joined answers,
 * so for them filler_ratio remains independent evidence.
 *
 * @example builtFrom("表达清晰度", defaultRules()) // every TEXT_FEATURES entry
 */
export function builtFrom(dimension: string, rules: RulesConfig): TextFeature[] {
  return dimension === rules.clarity.dimension ? [...TEXT_FEATURES] : [...AMOUNT_FEATURES];
}

/**
 * External evidence per dimension (Campbell & Fiske's convergent evidence, `../shared/analysis-references.md`):
 * its links to the media features and to the text statistics it is not built from (`builtFrom`), after the length
 * control (partial ρ at an equal total_words and number of answers), Benjamini–Hochberg over the dimension's links (or the run's: `family`); `supported` with at least one link of
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
