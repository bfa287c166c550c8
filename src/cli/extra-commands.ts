import type { Command } from "commander";
import { analyzeCommand, replayCommand, rulesCommand } from "./analysis-commands";
import { reportCommand } from "./report-command";
import { sqlCommand } from "./sql-command";
import { exportCommand } from "./export-command";
import { compareCommand } from "./compare-command";

/** Commands of the analysis layer. */
export function extraCommands(): Command[] {
  return [analyzeCommand(), replayCommand(), rulesCommand(), reportCommand(), sqlCommand(), exportCommand(), compareCommand()];
}
