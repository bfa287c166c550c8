import type { Command } from "commander";
import { analyzeCommand, replayCommand, rulesCommand } from "./analysis-commands";
import { reportCommand } from "./report-command";

/** Commands of the analysis layer. */
export function extraCommands(): Command[] {
  return [analyzeCommand(), replayCommand(), rulesCommand(), reportCommand()];
}
