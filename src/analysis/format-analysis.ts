import { terminalLines } from "../load/terminal-safe";
import { defaultRules, type RulesConfig } from "../rules/rules-config";
import type { Analysis } from "./analyze";
import { formatPlainAnswers, plainAnswers } from "./plain-answers";

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
/** A figure with `digits` decimals, or "–" when there is none (`null`, or `NaN` as an sd of one score is). */
const fixed = (x: number | null, digits: number) => (x === null || !Number.isFinite(x) ? "–" : x.toFixed(digits));
const f2 = (x: number | null) => fixed(x, 2);

/**
 * The human-readable analysis (what `metrics-kit analyze` prints): per dimension its verdict, flags, figures and
 * reasons; the tags the rules make unreachable; the significant feature links; per dimension the cohort's progress;
 * and the three questions answered in plain words. Every line is `terminalSafe` (`terminalLines`): a dimension
 * name, a feature or a user id from the log cannot drive the terminal. `analysisJson` keeps the values as they are.
 *
 * @example formatAnalysis(analyze(t), t.sessions.numRows()).split("\n")[0] // "sessions: 358, Cronbach's alpha: 0.41"
 */
export function formatAnalysis(a: Analysis, sessions: number, rules: RulesConfig = defaultRules()): string {
  const lines = [`sessions: ${sessions}, Cronbach's alpha: ${f2(a.quality.cronbach_alpha)}`, "dimension quality:"];
  for (const [name, d] of Object.entries(a.quality.dimensions)) {
    lines.push(`  ${name}: ${d.verdict}${d.flags.length ? ` [${d.flags.join(", ")}]` : ""} (n=${d.n}, mean ${fixed(d.mean, 1)}, sd ${fixed(d.std, 1)}, ${d.distinct} values, ceiling ${pct(d.ceiling_share)}, item–rest r ${f2(d.item_rest_r)}, at equal length ${f2(d.partial_item_rest_r)}, retest r ${f2(d.retest_r)}, growth-corrected ICC ${f2(d.retest_icc)}, ρ with total_words ${f2(d.length_r)}, with answers ${f2(d.answers_r)})`);
    for (const r of d.reasons) lines.push(`    - ${r}`);
  }
  if (a.unreachable_tags.length) lines.push("unreachable by construction:", ...a.unreachable_tags.map((u) => `  ${u.dimension} ${u.tag}: ${u.reason}`));
  lines.push("significant feature links (Spearman, Benjamini–Hochberg q < 0.05; 95% CI: bootstrap, or Fisher z above 5,000 pairs; partial ρ at an equal amount said, i.e. total_words and answers):");
  for (const l of a.links.filter((x) => x.significant)) lines.push(`  ${l.feature} ~ ${l.target}: ρ=${l.spearman.toFixed(2)} [${l.ci95[0].toFixed(2)}, ${l.ci95[1].toFixed(2)}] q=${l.q.toPrecision(2)} partial ρ=${f2(l.partial_spearman)} n=${l.n}`);
  lines.push(`progress (${a.progress.students} students with ≥ 3 sessions):`);
  for (const [name, d] of Object.entries(a.progress.dimensions)) {
    lines.push(`  ${name}: ${f2(d.mean_change_per_session)} per session${d.improved ? " (reliably up)" : ""}, ${d.improved_students} students improved (RCI > 1.96)`);
  }
  lines.push("", "In plain words:");
  // formatPlainAnswers' lines are terminal-safe too.
  return `${terminalLines(lines)}\n${formatPlainAnswers(plainAnswers(a, rules))}`;
}
