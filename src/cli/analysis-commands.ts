import { Command } from "commander";
import { filterOptions } from "./filter-options";
import { cacheOptions, memoOption } from "./cache-options";

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export function analyzeCommand(): Command {
  return memoOption(cacheOptions(filterOptions(new Command("analyze"))))
    .description("dimension quality with verdicts, media features against dimensions, student progress")
    .argument("[logs...]", "log files; default $INTERVIEW_METRICS_LOG_PATH or metrics.log")
    .option("--json", "print JSON", false)
    .action(async (logs: string[], o, command: Command) => {
      // Loaded here, not at start: `metrics-kit --help` and the other commands do not pay for them.
      const { loadFilteredTables } = await import("./load-filtered-tables");
      const { CommandOutput } = await import("./command-output");
      const out = CommandOutput.start(command, o, logs, [o.users]);
      const { analyze, analysisJson } = await import("../analysis/analyze");
      const { plainAnswers, plainAnswerLines } = await import("../analysis/plain-answers");
      const { terminalLines } = await import("../load/terminal-safe");
      const { defaultRules } = await import("../rules/rules-config");
      const t = await loadFilteredTables(logs, o, {}, (line) => out.note(line));
      const a = analyze(t);
      if (o.json) {
        // Written in pieces through a 1 MiB buffer, never as one string: the students list makes the JSON of a
        // 5M-row log ~245M characters. The same bytes as JSON.stringify(…, null, 2) and a newline.
        const { jsonChunks } = await import("../io/json-chunks");
        for (const chunk of jsonChunks(analysisJson(a), { space: 2 })) out.write(chunk);
        out.write("\n");
        return out.end();
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
      lines.push("", "In plain words:", ...plainAnswerLines(plainAnswers(a, defaultRules())));
      // Dimension, tag and student names come from the log: escaped, so that they cannot drive the terminal.
      out.write(terminalLines(lines));
      out.end();
    });
}

export function replayCommand(): Command {
  return memoOption(cacheOptions(filterOptions(new Command("replay"))))
    .description("recompute clarity, overall, tags and tasks with the rules and compare with the log")
    .argument("[logs...]", "log files")
    .option("--rules <file>", "rules JSON (see `metrics-kit rules --print`); default today's rules")
    .option("--json", "print JSON", false)
    .action(async (logs: string[], o, command: Command) => {
      const { loadFilteredTables } = await import("./load-filtered-tables");
      const { CommandOutput } = await import("./command-output");
      const { replay } = await import("../analysis/replay");
      const { scoringInput, MAX_SCORED_DIMENSIONS } = await import("../rules/scoring-input");
      const { readRules } = await import("../rules/rules-file");
      const { terminalLines } = await import("../load/terminal-safe");
      const out = CommandOutput.start(command, o, logs, [o.users, o.rules]);
      const rules = readRules(o.rules);
      const t = await loadFilteredTables(logs, o, {}, (line) => out.note(line));
      const input = scoringInput(t.sessions, t.dimensions, rules);
      const r = replay(input, rules);
      const omitted = input.omitted ?? [];
      if (o.json) {
        out.write(`${JSON.stringify({ sessions: r.sessions, agreement: r.agreement, changed: r.changed, omitted_dimensions: omitted }, null, 2)}\n`);
        return out.end();
      }
      const lines = [`sessions: ${r.sessions}`, ...Object.entries(r.agreement).map(([f, s]) => `  ${f}: ${pct(s)} identical`)];
      if (omitted.length) lines.push(`not replayed: ${omitted.length} dimensions beyond the ${MAX_SCORED_DIMENSIONS} most scored (${omitted.slice(0, 5).map((d) => JSON.stringify(d)).join(", ")}${omitted.length > 5 ? ", …" : ""})`);
      lines.push(`changed: ${Object.entries(r.changed).map(([k, v]) => `${k} ${v}`).join(", ")}`);
      if (r.examples.length) lines.push(`e.g. ${r.examples.slice(0, 5).join(", ")}`);
      out.write(terminalLines(lines));
      out.end();
    });
}

export function rulesCommand(): Command {
  return new Command("rules")
    .description("today's rules as the JSON file --rules reads")
    .option("--print", "print today's rules", false)
    .option("--out <file>", "write them to a file, - for stdout")
    .option("--force", "overwrite an existing file (a symbolic link is replaced, not followed)", false)
    .action(async (o) => {
      const { defaultRules } = await import("../rules/rules-config");
      const { writeRules } = await import("../rules/rules-file");
      if (o.out) writeRules(o.out, defaultRules(), { force: Boolean(o.force) });
      if ((o.print && o.out !== "-") || !o.out) process.stdout.write(`${JSON.stringify(defaultRules(), null, 2)}\n`);
    });
}
