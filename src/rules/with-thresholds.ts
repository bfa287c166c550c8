import { getThreshold, setThreshold, THRESHOLDS } from "../analysis/thresholds";
import { nearestName } from "../io/nearest-name";
import { MEDIA_FEATURES } from "../join/columns";
import type { RulesConfig } from "./rules-config";
import { parseRules } from "./parse-rules";

/**
 * A copy of `rules` with the thresholds named by path changed (`media.<feature>.min|max` included; `null` unsets a
 * media bound), checked like a rules file: an unknown path names the nearest known one, a value out of bounds says
 * why. `rules` is not modified.
 *
 * @example withThresholds(defaultRules(), { "tags.riskAtMost": 55 }).tags.riskAtMost // → 55
 */
export function withThresholds(rules: RulesConfig, changes: Readonly<Record<string, number | null>>): RulesConfig {
  let next = rules;
  for (const [path, value] of Object.entries(changes)) {
    try {
      getThreshold(next, path);
    } catch {
      const known = [...THRESHOLDS.map((t) => t.path), ...MEDIA_FEATURES.flatMap((f) => [`media.${f}.min`, `media.${f}.max`])];
      const near = nearestName(path, known);
      throw new Error(`${path}: unknown threshold; ${near ? `did you mean ${near}?` : `known: ${THRESHOLDS.map((t) => t.path).join(", ")}, media.<feature>.min|max`}`);
    }
    next = setThreshold(next, path, value);
  }
  return parseRules(next);
}
