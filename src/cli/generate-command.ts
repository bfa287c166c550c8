import { writeFileSync, existsSync } from "node:fs";
import { Command, Option } from "commander";
import { SingleBar, Presets } from "cli-progress";
import { generateLog } from "../generate/generate-log";
import { ScenarioName } from "../generate/scenarios";
import { OutputExistsError, openOutput, writeAll } from "./write-output";

function* batched(lines: Iterable<string>, onLine: () => void, size = 1 << 20): Generator<string> {
  let buf = "";
  for (const line of lines) {
    buf += line;
    onLine();
    if (buf.length >= size) {
      yield buf;
      buf = "";
    }
  }
  if (buf) yield buf;
}

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
    .option("--force", "overwrite existing files", false)
    .action(async (o) => {
      const [lo, hi] = String(o.sessions).split("-").map(Number);
      const numbers = { students: Number(o.students), seed: Number(o.seed), faults: Number(o.faults), lo, hi: hi ?? lo };
      for (const [k, v] of Object.entries(numbers)) {
        if (!Number.isFinite(v)) throw new Error(`invalid --${k === "lo" || k === "hi" ? "sessions" : k}: expected a number`);
      }
      if (o.truth && existsSync(o.truth) && !o.force) throw new OutputExistsError(o.truth);
      const gen = generateLog({ scenario: o.scenario, students: numbers.students, sessions: [lo, hi ?? lo], seed: numbers.seed, start: o.start, faults: numbers.faults });
      const out = openOutput(o.out, Boolean(o.force));
      const bar = process.stderr.isTTY ? new SingleBar({ format: "generating {bar} {value} students' lines", stream: process.stderr }, Presets.shades_classic) : undefined;
      let n = 0;
      bar?.start(0, 0);
      await writeAll(out, batched(gen.lines, () => {
        if (bar && ++n % 10000 === 0) bar.update(n);
      }));
      bar?.stop();
      const truth = gen.truth();
      if (o.truth) writeFileSync(o.truth, `${JSON.stringify(truth, null, 1)}\n`);
      if (o.out !== "-") {
        process.stderr.write(`wrote ${truth.counts.lines} lines (${truth.counts.session_report} session reports, ${truth.counts.media_report} media reports, ${truth.faults.length} faults) to ${o.out}\n`);
      }
    });
}
