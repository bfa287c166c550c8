import { Command } from "commander";
import { filterOptions } from "./filter-options";
import { cacheOptions, memoOption } from "./cache-options";

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
      const { formatAnalysis } = await import("../analysis/format-analysis");
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
      out.write(`${formatAnalysis(a, t.sessions.numRows(), defaultRules())}\n`);
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
      const { formatReplay } = await import("../analysis/format-replay");
      const { scoringInput, MAX_SCORED_DIMENSIONS } = await import("../rules/scoring-input");
      const { readRules } = await import("../rules/rules-file");
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
      out.write(`${formatReplay(r, omitted, MAX_SCORED_DIMENSIONS)}\n`);
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
