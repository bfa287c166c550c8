import { Command, Option } from "commander";
import { SCENARIO_NAMES } from "../generate/scenario-names";
import type { Truth } from "../generate/truth";
import { checkOutput, sameFile } from "../io/output-check";
import { dateArg, integerArg, numberArg, rangeArg } from "./arg-parsers";

/** `metrics-kit generate`: writes a synthetic log (and its truth file), each atomically. */
export function generateCommand(): Command {
  return new Command("generate")
    .description("write a synthetic metrics.log with planted truth")
    .requiredOption("--out <file>", "output log, - for stdout")
    .addOption(new Option("--scenario <name>", "scenario").choices(SCENARIO_NAMES).default("baseline"))
    .addOption(new Option("--students <n>", "number of students").argParser(integerArg({ min: 1 })).default(200))
    .addOption(new Option("--sessions <min-max>", "sessions per student (or one number)").argParser(rangeArg({ min: 1 })).default([1, 6], "1-6"))
    .addOption(new Option("--seed <s>", "random seed (an integer)").argParser(integerArg()).default(42))
    .addOption(new Option("--start <iso>", "first arrival (UTC unless it has an offset)").argParser(dateArg).default("2025-09-01T00:00:00"))
    .addOption(new Option("--faults <rate>", "share of lines replaced by an injected fault, 0 to 1 (drawn apart from the simulation: the same seed gives the same rows, with these lines damaged or added)").argParser(numberArg({ min: 0, max: 1 })).default(0))
    .option("--truth <file>", "write what was planted as JSON")
    .addOption(new Option("--workers <n>", "worker threads (default: one per core, at most 4; 0 = none); the output is the same").argParser(integerArg({ min: 0 })))
    .option("--force", "overwrite existing files (a symbolic link is replaced, not followed)", false)
    .action(async (o) => {
      const force = Boolean(o.force);
      // Every destination is checked before anything is generated or written.
      checkOutput(o.out, force);
      if (o.truth !== undefined) {
        checkOutput(o.truth, force);
        if (o.truth === o.out || (o.out !== "-" && o.truth !== "-" && sameFile(o.truth, o.out))) throw new Error(`--truth and --out are the same file (${o.out})`);
      }
      const { writeLog } = await import("../generate/write-log");
      const { writeOutput } = await import("../io/write-output");
      const bar = await progressBar(o.students * ((o.sessions[0] + o.sessions[1]) / 2) * 2.2);
      let truth: Truth;
      try {
        truth = await writeLog(o.out, { scenario: o.scenario, students: o.students, sessions: o.sessions, seed: o.seed, start: o.start, faults: o.faults, trackTruth: o.truth !== undefined }, {
          force,
          workers: o.workers,
          onProgress: (lines) => bar?.update(lines),
        });
        // The real count is known now: the bar ends full, at it.
        bar?.setTotal(truth.counts.lines);
        bar?.update(truth.counts.lines);
      } finally {
        bar?.stop();
      }
      if (o.truth !== undefined) writeOutput(o.truth, `${JSON.stringify(truth, null, 1)}\n`, { force });
      if (o.out !== "-") {
        process.stderr.write(`wrote ${truth.counts.lines} lines (${truth.counts.session_report} session reports, ${truth.counts.media_report} media reports, ${truth.faults.length} faults) to ${o.out}\n`);
      }
    });
}

/**
 * A progress bar on stderr when it is a terminal. The line count is known only at the end: the total is an
 * estimate (≈2.2 lines per session).
 */
async function progressBar(estimate: number) {
  if (!process.stderr.isTTY) return undefined;
  const { SingleBar, Presets } = await import("cli-progress");
  const bar = new SingleBar({ format: "generating {bar} {value}/~{total} lines", stream: process.stderr }, Presets.shades_classic);
  bar.start(Math.round(estimate), 0);
  return bar;
}
