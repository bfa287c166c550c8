import type { Command } from "commander";
import { analyzeCommand, replayCommand, rulesCommand } from "./analysis-commands";

/** Commands of the analysis layer. */
export function extraCommands(): Command[] {
  return [analyzeCommand(), replayCommand(), rulesCommand()];
}
