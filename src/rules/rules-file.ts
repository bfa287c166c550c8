import { readFileSync } from "node:fs";
import { writeOutput } from "../io/write-output";
import { defaultRules, RulesConfig } from "./rules-config";
import { parseRules } from "./parse-rules";

/**
 * Reads a rules file (JSON; missing keys take today's values); no file → today's rules. Strict: an unknown key, a
 * wrong type or a value out of bounds throws a `RulesError` naming the file, the path and (for a misspelt key) the
 * nearest known key.
 *
 * @example readRules("tuned-rules.json").tags.strengthAtLeast
 */
export function readRules(file: string | undefined): RulesConfig {
  if (!file) return defaultRules();
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`cannot read rules ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseRules(json, file);
}

/**
 * Writes rules as the JSON file `metrics-kit replay --rules`, the report and the notebooks read (validated first).
 * `-` = stdout. Refuses an existing file or symbolic link unless `force`; makes missing parent folders; writes
 * atomically (`writeOutput`). Returns the path.
 *
 * @example writeRules("tuned-rules.json", tuned, { force: true })
 */
export function writeRules(file: string, rules: RulesConfig, options: { force?: boolean } = {}): string {
  const valid = RulesConfig.parse(rules);
  writeOutput(file, `${JSON.stringify(valid, null, 2)}\n`, options);
  return file;
}
