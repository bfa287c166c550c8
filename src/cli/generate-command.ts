import { writeFileSync } from "node:fs";
import { Command, Option } from "commander";
import { SingleBar, Presets } from "cli-progress";
import { writeLog } from "../generate/write-log";
import type { Truth } from "../generate/truth";
import { ScenarioName } from "../generate/scenarios";
import { checkOutput } from "../io/write-output";

/** `metrics-kit generate`: writes a synthetic log (and its truth file). */
export function generateCommand(): Command {
  return new Command("generate")
    .description("write a synthetic metrics.log with planted truth")
    .requiredOption("--out <file>", "output log, - for stdout")
    .addOption(new Option("--scenario <name>", "scenario").choices(ScenarioName.options).default("baseline"))
    .option("--students <n>", "number of students", "200")
    .option("--sessions <min-max>", "sessions per student", "1-6")
    .option("--seed <s>", "random seed", "42")
    .option("--start <iso>", "first arrival (UTC)", "2025-09-01T00:00:00")
    .option("--faults <rate>", "share of lines replaced by an injected fault", "0")
    .option("--truth <file>", "write what was planted as JSON")
    .option("--workers <n>", "worker threads (default: one per core, at most 4; 0 = none); the output is the same")
    .option("--force", "overwrite existing files", false)
    .action(async (o) => {
      const [lo, hi] = String(o.sessions).split("-").map(Number);
      const numbers = { students: Number(o.students), seed: Number(o.seed), faults: Number(o.faults), lo, hi: hi ?? lo };
      for (const [k, v] of Object.entries(numbers)) {
        if (!Number.isFinite(v)) throw new Error(`invalid --${k === "lo" || k === "hi" ? "sessions" : k}: expected a number`);
      }
      if (o.truth) checkOutput(o.truth, Boolean(o.force));
      checkOutput(o.out, Boolean(o.force));
      if (o.workers !== undefined && !(Number(o.workers) >= 0)) throw new Error("invalid --workers: expected a number ≥ 0");
      const bar = process.stderr.isTTY ? new SingleBar({ format: "generating {bar} {value}/~{total} lines", stream: process.stderr }, Presets.shades_classic) : undefined;
      // The line count is known only at the end: the bar's total is an estimate (≈2.2 lines per session).
      bar?.start(Math.round(numbers.students * ((lo + (hi ?? lo)) / 2) * 2.2), 0);
      let truth: Truth;
      try {
        truth = await writeLog(o.out, { scenario: o.scenario, students: numbers.students, sessions: [lo, hi ?? lo], seed: numbers.seed, start: o.start, faults: numbers.faults, trackTruth: Boolean(o.truth) }, {
          force: Boolean(o.force),
          workers: o.workers === undefined ? undefined : Number(o.workers),
          onProgress: (lines) => bar?.update(lines),
        });
        // The real count is known now: the bar ends full, at it.
        bar?.setTotal(truth.counts.lines);
        bar?.update(truth.counts.lines);
      } finally {
        bar?.stop();
      }
      if (o.truth) writeFileSync(o.truth, `${JSON.stringify(truth, null, 1)}\n`);
      if (o.out !== "-") {
        process.stderr.write(`wrote ${truth.counts.lines} lines (${truth.counts.session_report} session reports, ${truth.counts.media_report} media reports, ${truth.faults.length} faults) to ${o.out}\n`);
      }
    });
}
