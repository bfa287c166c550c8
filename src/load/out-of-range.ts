import type { z } from "zod";
import { ROW_SCHEMAS, type RowType } from "../schema/metrics-row";
import { EXPECTED_RANGES, type ExpectedRange } from "../schema/expected-range";
import { formatPath } from "./format-path";

/** The fields of a schema that have an expected range, as a tree (derived from the zod schemas: the source of truth). */
interface RangeTree {
  range?: ExpectedRange;
  /** Keys of an object with ranges below them, and their trees (parallel arrays: the check runs for every row). */
  keys?: string[];
  children?: RangeTree[];
  items?: RangeTree;
}

function rangeTree(schema: z.ZodType): RangeTree | undefined {
  const node: RangeTree = {};
  let s = schema;
  for (;;) {
    node.range ??= EXPECTED_RANGES.get(s);
    const def = s._zod.def as { type: string; innerType?: z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType> };
    if ((def.type === "nullable" || def.type === "optional") && def.innerType) s = def.innerType;
    else if (def.type === "array" && def.element) {
      node.items = rangeTree(def.element);
      break;
    } else {
      if (def.type === "object" && def.shape) {
        for (const [key, child] of Object.entries(def.shape)) {
          const tree = rangeTree(child);
          if (tree) {
            (node.keys ??= []).push(key);
            (node.children ??= []).push(tree);
          }
        }
      }
      break;
    }
  }
  return node.range || node.items || node.keys ? node : undefined;
}

const TREES = new Map<RowType, RangeTree | undefined>((Object.keys(ROW_SCHEMAS) as RowType[]).map((t) => [t, rangeTree(ROW_SCHEMAS[t])]));

/** A value outside its field's expected range. */
export interface OutOfRange {
  path: string;
  message: string;
}

/** `250 is outside 0–100`, `-3 is below 0`. */
function describeOut(value: number, r: ExpectedRange): string {
  if (r.min !== undefined && r.max !== undefined) return `${value} is outside ${r.min}–${r.max}`;
  return r.min !== undefined ? `${value} is below ${r.min}` : `${value} is above ${r.max}`;
}

/**
 * The values of a validated row that lie outside their field's expected range (`expected(…)` in `src/schema/`):
 * scores outside 0–100, ratios outside 0–1, negative counts, empty ids. `null` is never out of range.
 *
 * @example outOfRange("session_report", row) // [{ path: "evaluation.dimensions[0].score", message: "250 is outside 0–100" }]
 */
export function outOfRange(type: RowType, row: unknown): OutOfRange[] {
  const found: OutOfRange[] = [];
  const tree = TREES.get(type);
  if (tree) check(tree, row, [], found);
  return found;
}

function check(tree: RangeTree, value: unknown, path: (string | number)[], found: OutOfRange[]): void {
  const r = tree.range;
  if (r) {
    if (typeof value === "number" && ((r.min !== undefined && value < r.min) || (r.max !== undefined && value > r.max))) {
      found.push({ path: formatPath(path), message: describeOut(value, r) });
    } else if (typeof value === "string" && r.nonEmpty && value.length === 0) {
      found.push({ path: formatPath(path), message: "the empty string is not an id" });
    }
  }
  if (tree.items && Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      check(tree.items, value[i], path, found);
      path.pop();
    }
  } else if (tree.keys && value !== null && typeof value === "object") {
    const { keys, children } = tree as Required<RangeTree>;
    for (let k = 0; k < keys.length; k++) {
      const v = (value as Record<string, unknown>)[keys[k]];
      if (v === null || v === undefined) continue;
      path.push(keys[k]);
      check(children[k], v, path, found);
      path.pop();
    }
  }
}
