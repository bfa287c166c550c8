import type { EvidenceLink, EvidenceOptions } from "./dimension-evidence";
import { iccLowerBound } from "../stats/icc-lower-bound";

/** What can be wrong with a dimension: each is a criterion of `qualityVerdict`. */
export type QualityFlag = "concentrated" | "unreliable" | "length_driven" | "unsupported";

/** The figures of a dimension the verdict reads (see `DimensionQuality`). */
export interface QualityFigures {
  distinct: number;
  floor_share: number;
  ceiling_share: number;
  entropy: number;
  partial_item_rest_r: number | null;
  item_rest_r: number | null;
  length_r: number | null;
  retest_icc: number | null;
  retest_icc_students: number;
  retest_icc_sessions: number;
  evidence: EvidenceLink[];
  supported: boolean;
}

/** The thresholds of `qualityVerdict`; each default names its source. */
export interface VerdictOptions extends EvidenceOptions {
  /** The score scale [floor, ceiling]. Default [0, 100]. */
  scale?: [number, number];
  /** Floor/ceiling effect: more than this share at a bound. Default 0.15 (Terwee et al., 2007). */
  maxBoundShare?: number;
  /** Fewer distinct values than this cannot rank candidates. Default 4 (the kit's choice: clarity has at most 6 by construction). */
  minDistinct?: number;
  /** Normalised entropy of the 10-bin histogram below this is too narrow. Default 0.25 (the kit's choice). */
  minEntropy?: number;
  /** Growth-corrected retest ICC below this is `unreliable`. Default 0.5 ("poor" below 0.50, Koo & Li, 2016). */
  minRetest?: number;
  /**
   * Confidence of the ICC's one-sided lower bound (McGraw & Wong, 1996). An unreliable dimension whose bound is at
   * or below 0, no more stable for the same student than chance, is `arbitrary` whatever else it correlates with:
   * reliability caps validity. Default 0.95.
   */
  retestConfidence?: number;
  /**
   * …and so is one whose ICC is below this, however many students show it: its stable part is under this share of
   * its variance, near 0 (√0.1 ≈ 0.32 caps its correlation with any stable ability). Default 0.1 (the kit's choice:
   * a score that ignores the student measures ~0.05 at 600 students when the answers' language moves it a little).
   */
  minStable?: number;
  /** |partial item–rest r| at least this counts as related to the other dimensions. Default 0.2 ("poor" below 0.20, classical test theory). */
  minItemRest?: number;
  /** |length_r| at least this is `length_driven`. Default 0.3 (the kit's choice: ≥ 9% of the rank variance is the amount said). */
  maxLengthR?: number;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const f2 = (x: number) => x.toFixed(2);

/** What `qualityVerdict` gives. */
export interface QualityVerdict {
  flags: QualityFlag[];
  verdict: "ok" | "concentrated" | "arbitrary";
  reasons: string[];
  /** The retest ICC's one-sided lower confidence bound at `retestConfidence` (null without an ICC). */
  retest_icc_lower: number | null;
}

/**
 * The flags, verdict and reasons of one dimension: `concentrated` (> maxBoundShare at a bound, Terwee et al. 2007;
 * fewer than minDistinct values; normalised entropy below minEntropy), `unreliable` (growth-corrected retest ICC
 * below minRetest, Koo & Li 2016), `length_driven` (|ρ with total_words| ≥ maxLengthR), `unsupported` (no
 * supporting evidence link and |partial item–rest r| below minItemRest; the plain item–rest r when there is no
 * length control). Verdict: `arbitrary` when unreliable and either unsupported or with no stability to speak of
 * (the ICC's lower bound at retestConfidence ≤ 0, or the ICC below minStable: reliability caps validity, so no link
 * makes it a measure of the student), else `concentrated`, else `ok`.
 *
 * @example qualityVerdict(figures).verdict // "arbitrary"
 */
export function qualityVerdict(d: QualityFigures, options: VerdictOptions = {}): QualityVerdict {
  const { scale = [0, 100], maxBoundShare = 0.15, minDistinct = 4, minEntropy = 0.25, minRetest = 0.5, retestConfidence = 0.95, minStable = 0.1, minItemRest = 0.2, maxLengthR = 0.3, minEvidence = 0.1, fdr = 0.05 } = options;
  const flags: QualityFlag[] = [];
  const reasons: string[] = [];
  const concentrated: string[] = [];
  if (d.ceiling_share > maxBoundShare) concentrated.push(`piled at the ceiling: ${pct(d.ceiling_share)} of sessions at ${scale[1]} > ${pct(maxBoundShare)} (Terwee et al., 2007)`);
  if (d.floor_share > maxBoundShare) concentrated.push(`piled at the floor: ${pct(d.floor_share)} of sessions at ${scale[0]} > ${pct(maxBoundShare)} (Terwee et al., 2007)`);
  if (d.distinct < minDistinct) concentrated.push(`few values: ${d.distinct} distinct < ${minDistinct}`);
  if (d.entropy < minEntropy) concentrated.push(`narrow: normalised entropy ${f2(d.entropy)} < ${minEntropy}`);
  if (concentrated.length) flags.push("concentrated");
  reasons.push(...concentrated);
  const lower = d.retest_icc === null ? null : iccLowerBound(d.retest_icc, d.retest_icc_students, d.retest_icc_sessions, retestConfidence) ?? null;
  const chance = lower !== null && lower <= 0;
  const noStability = chance || (d.retest_icc !== null && d.retest_icc < minStable);
  if (d.retest_icc !== null && d.retest_icc < minRetest) {
    flags.push("unreliable");
    const stability = chance ? ": no more stable than chance" : d.retest_icc < minStable ? `; an ICC below ${minStable} is near none` : "";
    const bound = lower === null ? "" : `, ${pct(retestConfidence).replace(".0%", "%")} lower bound ${f2(lower)}${stability}`;
    reasons.push(`unstable for the same student: growth-corrected retest ICC(C,1) = ${f2(d.retest_icc)} < ${minRetest} over ${d.retest_icc_students} students' first ${d.retest_icc_sessions} sessions (Koo & Li, 2016${bound})`);
  }
  if (d.length_r !== null && Math.abs(d.length_r) >= maxLengthR) {
    flags.push("length_driven");
    reasons.push(`${d.length_r > 0 ? "rises" : "falls"} with the amount said: ρ = ${f2(d.length_r)} with total_words (|ρ| ≥ ${maxLengthR})`);
  }
  const itemRest = d.partial_item_rest_r ?? d.item_rest_r;
  if (!d.supported && !(itemRest !== null && Math.abs(itemRest) >= minItemRest)) {
    flags.push("unsupported");
    const best = d.evidence[0];
    const bestText = best ? ` (strongest: ${best.feature}, partial ρ = ${f2(best.partial_spearman)}, q = ${best.q.toPrecision(2)})` : " (no feature tested)";
    const irName = d.partial_item_rest_r !== null ? "item–rest r at an equal amount said" : "item–rest r";
    reasons.push(`tracks nothing observable: no feature link with |partial ρ| ≥ ${minEvidence} at q < ${fdr}${bestText}, and ${irName} ${itemRest === null ? "n/a" : f2(itemRest)} below ${minItemRest} in size`);
  }
  const unreliable = flags.includes("unreliable");
  if (unreliable && noStability && !flags.includes("unsupported")) {
    reasons.push(`its links cannot make it a measure of the student: a score with no stability for the same student cannot track a stable ability, whatever else it correlates with (reliability caps validity)`);
  }
  const verdict = unreliable && (flags.includes("unsupported") || noStability) ? "arbitrary" : flags.includes("concentrated") ? "concentrated" : "ok";
  return { flags, verdict, reasons, retest_icc_lower: lower };
}
