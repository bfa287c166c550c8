import { readFileSync } from "node:fs";
import { writeOutput } from "../io/write-output";
import { defaultRules, RulesConfig } from "./rules-config";

/**
 * Reads a rules file (JSON; missing keys take today's values); no file → today's rules. Throws naming the file and
 * the field at fault.
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
  const r = RulesConfig.safeParse(json);
  if (!r.success) throw new Error(`invalid rules ${file} at ${r.error.issues[0].path.join(".")}: ${r.error.issues[0].message}`);
  return r.data;
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
