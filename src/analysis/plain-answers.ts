import type { RulesConfig } from "../rules/rules-config";
import type { Analysis } from "./analyze";
import type { BinnedMean } from "../stats/decile-bins";
import { builtFrom } from "./dimension-evidence";
import { terminalLines } from "../load/terminal-safe";

/** The analysts' three questions, each answered in a short paragraph with its numbers. */
export interface PlainAnswers {
  /** Which dimensions discriminate, which are concentrated, which are arbitrary, and why. */
  quality: string;
  /** Which features match which dimensions, and whether today's thresholds sit where the features change. */
  features: string;
  /** How many students improved on each dimension, and who. */
  progress: string;
}

/** Options of `plainAnswers`. */
export interface PlainAnswersOptions {
  /** Names listed per dimension (largest RCI first). Default 5. */
  topStudents?: number;
  /** Links listed per dimension (strongest significant |ρ| first). Default 2. */
  topLinks?: number;
  /**
   * How a name from the log (a dimension, a user id) is written into the answers. Default as it is; the HTML report
   * passes `isolateText`, so that a name's bidirectional override cannot reverse the paragraph around it.
   */
  name?: (name: string) => string;
}

const f2 = (x: number) => x.toFixed(2);
const list = (xs: readonly string[]) => (xs.length ? xs.join(", ") : "none");

/**
 * The three questions of `../shared/metrics-log.md` answered in words from an analysis: dimension verdicts with the
 * figures behind them and the tags the rules make unreachable; the strongest significant feature links per
 * dimension and, for each threshold of today's rules on a feature, where that feature's decile means change most;
 * per dimension, how many students improved beyond measurement error and who.
 *
 * @example plainAnswers(analyze(t), defaultRules()).quality // "3 of 4 dimensions discriminate (ok or …) …"
 */
export function plainAnswers(analysis: Analysis, rules: RulesConfig, options: PlainAnswersOptions = {}): PlainAnswers {
  const name = options.name ?? ((n: string) => n);
  return { quality: qualityAnswer(analysis, name), features: featuresAnswer(analysis, rules, options.topLinks ?? 2, name), progress: progressAnswer(analysis, options.topStudents ?? 5, name) };
}

function qualityAnswer(a: Analysis, name: (n: string) => string): string {
  const dims = Object.entries(a.quality.dimensions).map(([n, d]) => [name(n), d] as const);
  const by = (v: string) => dims.filter(([, d]) => d.verdict === v);
  const ok = by("ok").map(([n, d]) => `${n} (ICC ${d.retest_icc === null ? "n/a" : f2(d.retest_icc)}, partial item–rest r ${d.partial_item_rest_r === null ? "n/a" : f2(d.partial_item_rest_r)}${d.supported ? `, tracks ${d.evidence.find((e) => e.supports)!.feature}` : ""})`);
  const conc = by("concentrated").map(([n, d]) => `${n} (${d.reasons.find((r) => /ceiling|floor|values|narrow/.test(r))?.split(" (")[0] ?? "concentrated"})`);
  const arb = by("arbitrary").map(([n, d]) => `${n} (retest ICC ${f2(d.retest_icc!)} and ${d.supported ? `no more stable than chance, though ${d.evidence.find((e) => e.supports)!.feature} goes with it` : "no observable feature tracks it"})`);
  const len = dims.filter(([, d]) => d.flags.includes("length_driven")).map(([n, d]) => `${n} (ρ = ${f2(d.length_r!)} with total_words)`);
  const parts = [
    `${by("ok").length} of ${dims.length} dimensions discriminate (verdict ok): ${list(ok)}.`,
    `Too concentrated: ${list(conc)}.`,
    `Arbitrary — unstable for the same student, and unrelated to anything observable or not stable at all: ${list(arb)}.`,
  ];
  if (len.length) parts.push(`Partly a length rule — the score rises with the amount said, whatever the skill: ${list(len)}.`);
  if (a.unreachable_tags.length) parts.push(`Never fires by construction: ${a.unreachable_tags.map((u) => `the ${u.tag} ${u.tag === "task" ? "" : "tag "}of ${name(u.dimension)} (${u.reason.split(":")[0]})`).join("; ")}.`);
  return parts.join(" ");
}

function featuresAnswer(a: Analysis, rules: RulesConfig, top: number, name: (n: string) => string): string {
  const dims = Object.keys(a.quality.dimensions);
  const significant = a.links.filter((l) => l.significant);
  const parts = [`${significant.length} of ${a.links.length} feature links are significant (Benjamini–Hochberg q < 0.05).`];
  for (const d of dims) {
    const own: readonly string[] = builtFrom(d, rules);
    const mine = significant.filter((l) => l.target === d).sort((x, y) => Math.abs(y.spearman) - Math.abs(x.spearman));
    const best = mine.filter((l) => !own.includes(l.feature)).slice(0, top);
    const inputs = mine.filter((l) => own.includes(l.feature)).slice(0, top);
    const words = best.map((l) => `${l.feature} (ρ = ${f2(l.spearman)}${l.partial_spearman === null ? "" : `, ${f2(l.partial_spearman)} at equal length`})`);
    const what = d === rules.clarity.dimension ? "with what its rule is built from and the amount said" : "with the amount said (the length control, not evidence)";
    const rule = inputs.length ? `; ${what}: ${inputs.map((l) => `${l.feature} ρ = ${f2(l.spearman)}`).join(", ")}` : "";
    parts.push(`${name(d)}: ${best.length ? words.join(", ") : "no independent feature matches it"}${rule}.`);
  }
  const c = rules.clarity;
  const cuts: [string, string, number[]][] = [
    ["diagnostics.filler_ratio", c.dimension, [c.filler.mid, c.filler.high]],
    ["diagnostics.avg_answer_len", c.dimension, [c.length.mid, c.length.high]],
  ];
  for (const [feature, band] of Object.entries(rules.media)) {
    const at = [band.min, band.max].filter((v): v is number => v !== null);
    for (const d of dims) if (at.length) cuts.push([feature, d, at]);
  }
  for (const [feature, target, at] of cuts) {
    const link = a.links.find((l) => l.feature === feature && l.target === target);
    const step = link ? steepestStep(link.bins) : undefined;
    if (!step) continue;
    const inside = at.filter((t) => t > step.from && t <= step.to);
    const span = Number.isFinite(step.from) ? `from ${feature} ≤ ${fmt(step.from)} to ≤ ${fmt(step.to)}` : `from the lowest ${feature} to ≤ ${fmt(step.to)}`;
    parts.push(`Mean ${name(target)} changes most (${step.change > 0 ? "+" : ""}${step.change.toFixed(1)}) ${span}; today's ${cutOffs(at, inside)}.`);
  }
  if (Object.keys(rules.media).length === 0) parts.push("No media feature has a threshold today: the links above are where one could go.");
  return parts.join(" ");
}

/** The adjacent decile bins between which the mean changes most: the lower bin's lower edge and the upper bin's upper edge. */
export function steepestStep(bins: readonly BinnedMean[]): { from: number; to: number; change: number } | undefined {
  let best: { from: number; to: number; change: number } | undefined;
  for (let k = 1; k < bins.length; k++) {
    const change = bins[k].mean - bins[k - 1].mean;
    if (!best || Math.abs(change) > Math.abs(best.change)) best = { from: k > 1 ? bins[k - 2].upper : -Infinity, to: bins[k].upper, change };
  }
  return best;
}

const fmt = (x: number) => String(Number(x.toPrecision(3)));

/**
 * Today's cut-offs and which of them sit in the steepest step, in agreeing grammar.
 *
 * @example cutOffs([150, 220], [220]) // "cut-offs 150 / 220 — 220 sits in that step"
 */
export function cutOffs(at: readonly number[], inside: readonly number[]): string {
  const all = `cut-off${at.length > 1 ? "s" : ""} ${at.map(fmt).join(" / ")}`;
  const every = at.length === 1 ? "sits" : at.length === 2 ? "both sit" : "all sit";
  if (inside.length === 0) return `${all} ${every} outside that step`;
  if (inside.length === at.length) return `${all} ${every} in that step`;
  return `${all} — ${inside.map(fmt).join(" and ")} ${inside.length > 1 ? "sit" : "sits"} in that step`;
}

function progressAnswer(a: Analysis, top: number, name: (n: string) => string): string {
  const p = a.progress;
  const parts = [`${p.students} students have at least 3 sessions.`];
  for (const [d, cohort] of Object.entries(p.dimensions)) {
    const up = p.changes.filter((c) => c.dimension === d && c.improved).sort((x, y) => (y.rci ?? 0) - (x.rci ?? 0));
    const names = up.slice(0, top).map((c) => name(c.user_id)).join(", ");
    const trend = Number.isFinite(cohort.mean_change_per_session) ? `; the cohort moves ${cohort.mean_change_per_session >= 0 ? "+" : ""}${cohort.mean_change_per_session.toFixed(2)} per session${cohort.improved ? ", reliably up" : ""}` : "";
    const caveat = up.length && a.quality.dimensions[d]?.verdict === "arbitrary" ? " (but its verdict is arbitrary: changes of a score that does not measure the student, not progress)" : "";
    parts.push(`${name(d)}: ${up.length} improved beyond measurement error (RCI > 1.96)${up.length ? ` — ${names}${up.length > top ? ", …" : ""}` : ""}${caveat}${trend}.`);
  }
  return parts.join(" ");
}

/**
 * The three answers as text, one numbered line a question (what `metrics-kit analyze` prints under "In plain
 * words"). The names they quote from the log (dimensions, user ids) are `terminalSafe`; `plainAnswers` keeps them
 * as they are (for JSON and the report).
 *
 * @example formatPlainAnswers(plainAnswers(analyze(t), defaultRules())).split("\n").length // 3
 */
export function formatPlainAnswers(answers: PlainAnswers): string {
  return terminalLines([
    `1. Which dimensions discriminate, which are concentrated or arbitrary? ${answers.quality}`,
    `2. Do the features match the dimensions and today's thresholds? ${answers.features}`,
    `3. Who improved, on what? ${answers.progress}`,
  ]);
}
