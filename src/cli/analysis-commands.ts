import { writeFileSync } from "node:fs";
import { Command } from "commander";
import { loadTables } from "../join/load-tables";
import { analyze, analysisJson } from "../analysis/analyze";
import { plainAnswers } from "../analysis/plain-answers";
import { replay } from "../analysis/replay";
import { defaultRules } from "../rules/rules-config";
import { scoringInput } from "../rules/scoring-input";
import { readRules } from "../rules/rules-file";
import { checkOutput } from "../io/write-output";

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export function analyzeCommand(): Command {
  return new Command("analyze")
    .description("dimension quality with verdicts, media features against dimensions, student progress")
    .argument("[logs...]", "log files; default $INTERVIEW_METRICS_LOG_PATH or metrics.log")
    .option("--json", "print JSON", false)
    .action(async (logs: string[], o) => {
      const t = await loadTables(logs);
      const a = analyze(t);
      if (o.json) {
        process.stdout.write(`${JSON.stringify(analysisJson(a), null, 2)}\n`);
        return;
      }
      const f2 = (x: number | null) => (x === null ? "–" : x.toFixed(2));
      const lines = [`sessions: ${t.sessions.numRows()}, Cronbach's alpha: ${f2(a.quality.cronbach_alpha)}`, "dimension quality:"];
      for (const [name, d] of Object.entries(a.quality.dimensions)) {
        lines.push(`  ${name}: ${d.verdict}${d.flags.length ? ` [${d.flags.join(", ")}]` : ""} (n=${d.n}, mean ${d.mean.toFixed(1)}, sd ${d.std.toFixed(1)}, ${d.distinct} values, ceiling ${pct(d.ceiling_share)}, item–rest r ${f2(d.item_rest_r)}, at equal length ${f2(d.partial_item_rest_r)}, retest r ${f2(d.retest_r)}, growth-corrected ICC ${f2(d.retest_icc)}, ρ with total_words ${f2(d.length_r)}, with answers ${f2(d.answers_r)})`);
        for (const r of d.reasons) lines.push(`    - ${r}`);
      }
      if (a.unreachable_tags.length) lines.push("unreachable by construction:", ...a.unreachable_tags.map((u) => `  ${u.dimension} ${u.tag}: ${u.reason}`));
      lines.push("significant feature links (Spearman, Benjamini–Hochberg q < 0.05; 95% CI: bootstrap, or Fisher z above 5,000 pairs; partial ρ at an equal amount said, i.e. total_words and answers):");
      for (const l of a.links.filter((x) => x.significant)) lines.push(`  ${l.feature} ~ ${l.target}: ρ=${l.spearman.toFixed(2)} [${l.ci95[0].toFixed(2)}, ${l.ci95[1].toFixed(2)}] q=${l.q.toPrecision(2)} partial ρ=${f2(l.partial_spearman)} n=${l.n}`);
      lines.push(`progress (${a.progress.students} students with ≥ 3 sessions):`);
      for (const [name, d] of Object.entries(a.progress.dimensions)) {
        lines.push(`  ${name}: ${d.mean_change_per_session.toFixed(2)} per session${d.improved ? " (reliably up)" : ""}, ${d.improved_students} students improved (RCI > 1.96)`);
      }
      const answers = plainAnswers(a, defaultRules());
      lines.push("", "In plain words:", `1. Which dimensions discriminate, which are concentrated or arbitrary? ${answers.quality}`,
        `2. Do the features match the dimensions and today's thresholds? ${answers.features}`, `3. Who improved, on what? ${answers.progress}`);
      process.stdout.write(`${lines.join("\n")}\n`);
    });
}

export function replayCommand(): Command {
  return new Command("replay")
    .description("recompute clarity, overall, tags and tasks with the rules and compare with the log")
    .argument("[logs...]", "log files")
    .option("--rules <file>", "rules JSON (see `metrics-kit rules --print`); default today's rules")
    .option("--json", "print JSON", false)
    .action(async (logs: string[], o) => {
      const rules = readRules(o.rules);
      const t = await loadTables(logs);
      const r = replay(scoringInput(t.sessions, t.dimensions, rules), rules);
      if (o.json) {
        process.stdout.write(`${JSON.stringify({ sessions: r.sessions, agreement: r.agreement, changed: r.changed }, null, 2)}\n`);
        return;
      }
      const lines = [`sessions: ${r.sessions}`, ...Object.entries(r.agreement).map(([f, s]) => `  ${f}: ${pct(s)} identical`)];
      lines.push(`changed: ${Object.entries(r.changed).map(([k, v]) => `${k} ${v}`).join(", ")}`);
      if (r.examples.length) lines.push(`e.g. ${r.examples.slice(0, 5).join(", ")}`);
      process.stdout.write(`${lines.join("\n")}\n`);
    });
}

export function rulesCommand(): Command {
  return new Command("rules")
    .description("today's rules as the JSON file --rules reads")
    .option("--print", "print today's rules", false)
    .option("--out <file>", "write them to a file")
    .option("--force", "overwrite an existing file", false)
    .action((o) => {
      const json = `${JSON.stringify(defaultRules(), null, 2)}\n`;
      if (o.out) {
        checkOutput(o.out, Boolean(o.force));
        writeFileSync(o.out, json);
      }
      if (o.print || !o.out) process.stdout.write(json);
    });
}
