import { z } from "zod";
import type { Truth } from "../generate/truth";
import type { RulesConfig } from "../rules/rules-config";
import type { ScoringInput } from "../rules/scoring-input";
import type { Analysis } from "./analyze";
import type { FeatureLink } from "./feature-links";
import { suggestThreshold } from "./suggest-threshold";
import { tagOutcome } from "./tag-outcome";

/** One planted fact and what the analysis found. */
export interface TruthCheck {
  check: string;
  planted: string;
  found: string;
  recovered: boolean;
}

/** The bars a finding must clear to count as recovered; each is what the kit's tests hold the analyses to. */
export interface TruthCheckOptions {
  /** Planted feature weights at least this large must come out significant with their sign. Default 0.5. */
  strongLink?: number;
  /**
   * How many of the features planted with no link may have a significant link (q < 0.05) to any target. Default 1.
   * Counted per feature, not per test: one chance association of a null feature with a dimension brings its links to
   * the dimension's risk tag and to the overall score along, so a single chance finding failed a bound on the share
   * of tests. One null feature with a chance link is to be expected now and then; two at once (of the generator's
   * four) are rare and are what a leaky analysis shows: over strong-media, length-confound and baseline, seeds 1–8,
   * 300 students, 8 of 24 runs had one such feature and none had two.
   */
  maxFalseFeatures?: number;
  /** Share of planted improvers the reliable change index must find. Default 0.4 (the RCI is conservative). */
  minRecall?: number;
  /** The planted threshold must be suggested within this. Default 0.03. */
  thresholdTolerance?: number;
}

/** The flags a truth file may plant per dimension (files written before flags existed have none). */
/** The planted flags; a flag that is null or absent is not checked (the log does not settle it: see `Truth`). */
const ExpectedFlags = z.object({ concentrated: z.boolean(), unreliable: z.boolean(), length_driven: z.boolean(), unsupported: z.boolean().nullable() }).partial();
const NullFeatures = z.array(z.string());
const UnreachableTags = z.array(z.object({ dimension: z.string(), tag: z.string() }));

/**
 * The links of the features a truth plants with no link to anything: its `null_features`, or in a truth without
 * that list, the features with no planted target.
 *
 * @example nullLinks(truth, analysis.links).filter((l) => l.significant).length // false discoveries
 */
export function nullLinks(truth: Truth, links: readonly FeatureLink[]): FeatureLink[] {
  const listed = NullFeatures.safeParse("null_features" in truth ? truth.null_features : undefined);
  const isNull = (f: string) => (listed.success ? listed.data.includes(f) : Boolean(truth.features[f]) && Object.keys(truth.features[f]).length === 0);
  return links.filter((l) => isNull(l.feature));
}

/**
 * Compares an analysis of a generated log with what the generator planted: each dimension's verdict and, when the
 * truth plants them, its flags; every strong feature link; how many features planted with no link (the truth's
 * `null_features`, or features with no planted target) have a significant link all the same; the unreachable tags when the
 * truth lists them; the planted improvers (recall and precision of the RCI) and, given the scoring input, the
 * planted threshold (Youden's J suggestion).
 *
 * @example truthCheck(gen.truth(), analyze(t), scoringInput(t.joined, t.dimensions, rules), rules).filter(c => !c.recovered)
 */
export function truthCheck(truth: Truth, analysis: Analysis, input?: ScoringInput, rules?: RulesConfig, options: TruthCheckOptions = {}): TruthCheck[] {
  const { strongLink = 0.5, maxFalseFeatures = 1, minRecall = 0.4, thresholdTolerance = 0.03 } = options;
  const out: TruthCheck[] = [];
  const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
  for (const [dim, d] of Object.entries(truth.dimensions)) {
    const q = analysis.quality.dimensions[dim];
    out.push({ check: `verdict of ${dim}`, planted: d.expected_verdict, found: q ? `${q.verdict}${q.reasons.length ? ` (${q.reasons.join("; ")})` : ""}` : "absent", recovered: q?.verdict === d.expected_verdict });
    const flags = ExpectedFlags.safeParse("expected_flags" in d ? d.expected_flags : undefined);
    if (!flags.success) continue;
    for (const [flag, expected] of Object.entries(flags.data)) {
      if (expected === undefined || expected === null) continue;
      const found = q?.flags.some((f) => f === flag) ?? false;
      out.push({ check: `flag ${flag} of ${dim}`, planted: expected ? "raised" : "not raised", found: found ? "raised" : "not raised", recovered: found === expected });
    }
  }
  for (const [feature, targets] of Object.entries(truth.features)) {
    for (const [target, weight] of Object.entries(targets)) {
      if (Math.abs(weight) < strongLink) continue;
      const l = analysis.links.find((x) => x.feature === feature && x.target === target);
      out.push({
        check: `link ${feature} → ${target}`, planted: `weight ${weight.toFixed(2)}`,
        found: l ? `ρ = ${l.spearman.toFixed(2)} [${l.ci95[0].toFixed(2)}, ${l.ci95[1].toFixed(2)}]` : "not tested",
        recovered: Boolean(l?.significant && Math.sign(l.spearman) === Math.sign(weight)),
      });
    }
  }
  const nulls = nullLinks(truth, analysis.links);
  if (nulls.length) out.push(nullFeatureCheck(nulls, maxFalseFeatures));
  const unreachable = UnreachableTags.safeParse("unreachable_tags" in truth ? truth.unreachable_tags : undefined);
  if (unreachable.success) {
    const key = (u: { dimension: string; tag: string }) => `${u.dimension} ${u.tag}`;
    const planted = unreachable.data.map(key).sort();
    const found = analysis.unreachable_tags.map(key).sort();
    out.push({ check: "unreachable tags", planted: planted.join("; ") || "none", found: found.join("; ") || "none", recovered: planted.join("|") === found.join("|") });
  }
  for (const [dim, users] of Object.entries(truth.improvers)) {
    if (users.length === 0) continue;
    const planted = new Set(users);
    const found = analysis.progress.changes.filter((c) => c.dimension === dim && c.improved).map((c) => c.user_id);
    const hits = found.filter((u) => planted.has(u)).length;
    const recall = hits / planted.size;
    out.push({ check: `improvers on ${dim}`, planted: `${planted.size} students`, found: `${found.length} found, recall ${pct(recall)}, precision ${found.length ? pct(hits / found.length) : "–"}`, recovered: recall >= minRecall });
  }
  const t = truth.planted_threshold;
  if (t && input && rules) {
    const s = suggestThreshold(input, rules, `media.${t.feature}.${t.direction === "above" ? "max" : "min"}`, { method: "youden", outcome: tagOutcome(input, t.outcome) });
    out.push({ check: `threshold of ${t.feature} for ${t.outcome}`, planted: `${t.direction} ${t.threshold}`, found: `${Number(s.value.toPrecision(3))} (Youden's J ${s.youden!.j.toFixed(2)})`, recovered: Math.abs(s.value - t.threshold) <= thresholdTolerance });
  }
  return out;
}

/**
 * The check of the features planted with no link: how many of them have at least one significant link (each named
 * with its count of significant links), against at most `max` of them.
 *
 * @example nullFeatureCheck(nullLinks(truth, analysis.links), 1) // { check: "features planted with no link", planted: "≤ 1 of 4 with a significant link (q < 0.05)", found: "1 of 4: video.smile_ratio (3 of 13 links)", recovered: true }
 */
export function nullFeatureCheck(nulls: readonly FeatureLink[], max: number): TruthCheck {
  const byFeature = new Map<string, { tested: number; significant: number }>();
  for (const l of nulls) {
    const f = byFeature.get(l.feature) ?? { tested: 0, significant: 0 };
    f.tested++;
    if (l.significant) f.significant++;
    byFeature.set(l.feature, f);
  }
  const hit = [...byFeature].filter(([, f]) => f.significant > 0);
  const named = hit.map(([feature, f]) => `${feature} (${f.significant} of ${f.tested} links)`).join(", ");
  return {
    check: "features planted with no link",
    planted: `≤ ${max} of ${byFeature.size} with a significant link (q < 0.05)`,
    found: `${hit.length} of ${byFeature.size}${named ? `: ${named}` : ""}`,
    recovered: hit.length <= max,
  };
}
