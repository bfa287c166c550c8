import type { Command } from "commander";

/** Commands of the analysis layer (added by later modules). */
export function extraCommands(): Command[] {
  return [];
}
