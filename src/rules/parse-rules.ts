import type { z } from "zod";
import { nearestName } from "../io/nearest-name";
import { defaultRules, RulesConfig } from "./rules-config";

/** A rules object or file that does not fit `RulesConfig`: `issues` holds one line per problem, path first. */
export class RulesError extends Error {
  constructor(readonly issues: string[], source?: string) {
    super(`${source ? `invalid rules ${source}: ` : ""}${issues.join("; ")}`);
    this.name = "RulesError";
  }
}

/**
 * Parses rules (JSON already read) strictly: missing keys take today's values; an unknown key, a wrong type or a
 * value out of bounds throws a `RulesError` whose lines name the path, what is wrong and, for an unknown key, the
 * nearest known one; a threshold out of order or past which its rule never fires, the field, its value and the one
 * it conflicts with. `source` (a file name) prefixes the message.
 *
 * @example parseRules({ tags: { riskAtmost: 40 } }) // throws "tags.riskAtmost: unknown key; did you mean tags.riskAtMost?"
 * @example parseRules({ clarity: { length: { mid: 300 } } }) // throws "clarity.length.mid 300 is above clarity.length.high 220: the mid deduction could never apply"
 */
export function parseRules(json: unknown, source?: string): RulesConfig {
  const r = RulesConfig.safeParse(json);
  if (r.success) return r.data;
  throw rulesError(r.error, json, source);
}

/**
 * What `parseRules` says against `json`, its whole message, or `undefined` when it takes it: for callers that report a
 * rejection rather than throw it (a suggestion's `conflict`, a sweep's error).
 *
 * @example rulesObjection(setThreshold(defaultRules(), "clarity.filler.mid", 0.06)) // "clarity.filler.mid 0.06 is above clarity.filler.high 0.05: the mid deduction could never apply"
 */
export function rulesObjection(json: unknown): string | undefined {
  const r = RulesConfig.safeParse(json);
  return r.success ? undefined : rulesError(r.error, json).message;
}

/** The `RulesError` of zod's rejection of `json`: one line per problem (`issueLines`). */
function rulesError(error: z.ZodError, json: unknown, source?: string): RulesError {
  return new RulesError(error.issues.flatMap((issue) => issueLines(issue, json)), source);
}

/** One line per key for unknown keys, a threshold conflict's own line, else `path: message (got value)`. */
function issueLines(issue: z.core.$ZodIssue, json: unknown): string[] {
  const path = issue.path.map(String);
  if (issue.code === "unrecognized_keys") {
    const known = knownKeys(path);
    return issue.keys.map((key) => {
      const near = nearestName(key, known);
      const at = [...path, key].join(".");
      return `${at}: unknown key; ${near ? `did you mean ${[...path, near].join(".")}?` : `known keys here: ${known.join(", ")}`}`;
    });
  }
  // A conflict between thresholds (`ruleConflicts`) is already one line naming the field and its value.
  if (issue.code === "custom" && issue.params?.conflict === true) return [issue.message];
  const got = valueAt(json, path);
  const shown = got === undefined || (typeof got === "object" && got !== null) ? "" : ` (got ${JSON.stringify(got)})`;
  return [`${path.join(".") || "(top level)"}: ${issue.message}${shown}`];
}

/** The keys a strict object at `path` accepts, read from today's rules (a media band: min and max). */
function knownKeys(path: readonly string[]): string[] {
  if (path[0] === "media" && path.length === 2) return ["min", "max"];
  const at = valueAt(defaultRules(), path);
  return at && typeof at === "object" ? Object.keys(at) : [];
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  let v = value;
  for (const key of path) v = v !== null && typeof v === "object" && Object.hasOwn(v, key) ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}
