import type { z } from "zod";
import { ROW_SCHEMAS, type RowType } from "../schema/metrics-row";

/** The keys a schema knows at each level, derived from the zod schema itself (the source of truth). */
interface KeyTree {
  keys: Set<string>;
  children: Map<string, KeyTree>;
}

/** Count of rows carrying a key the schema does not know, per key path (`evaluation.feedback`, `evaluation.dimensions[].weight`). */
export type SchemaDrift = Map<string, number>;

/**
 * Adds counts of schema drift (a chunk's, a cached snapshot's) into `drift`.
 *
 * @example addDrift(drift, chunk.parsed.drift)
 */
export function addDrift(drift: SchemaDrift, counts: Iterable<readonly [string, number]>): void {
  for (const [path, n] of counts) drift.set(path, (drift.get(path) ?? 0) + n);
}

function unwrap(schema: z.ZodType): z.ZodType | undefined {
  let s = schema;
  for (;;) {
    const def = s._zod.def as { type: string; innerType?: z.ZodType; element?: z.ZodType };
    if ((def.type === "nullable" || def.type === "optional") && def.innerType) s = def.innerType;
    else if (def.type === "array" && def.element) s = def.element;
    else return def.type === "object" ? s : undefined;
  }
}

function keyTree(schema: z.ZodType): KeyTree {
  const shape = (schema._zod.def as unknown as { shape: Record<string, z.ZodType> }).shape;
  const tree: KeyTree = { keys: new Set(Object.keys(shape)), children: new Map() };
  for (const [key, child] of Object.entries(shape)) {
    const inner = unwrap(child);
    if (inner) tree.children.set(key, keyTree(inner));
  }
  return tree;
}

const TREES = new Map<RowType, KeyTree>(
  (Object.keys(ROW_SCHEMAS) as RowType[]).map((type) => [type, keyTree(ROW_SCHEMAS[type])]),
);

/**
 * Adds to `drift` every key of a validated row that its schema does not declare (unknown keys are kept in the
 * row, never rejected). Each key path counts once per row.
 *
 * @example countDrift("media_report", { ...row, device: "ios" }, drift) // drift.get("device") === 1
 */
export function countDrift(type: RowType, row: unknown, drift: SchemaDrift): void {
  const seen = walk(TREES.get(type)!, row, "", undefined);
  if (seen) for (const path of seen) drift.set(path, (drift.get(path) ?? 0) + 1);
}

/** Adds the unknown key paths under `value` to `seen` (created on the first one: most rows have none). */
function walk(tree: KeyTree, value: unknown, prefix: string, seen: Set<string> | undefined): Set<string> | undefined {
  if (Array.isArray(value)) {
    const itemPrefix = prefix.endsWith("[]") ? prefix : `${prefix}[]`;
    for (const item of value) seen = walk(tree, item, itemPrefix, seen);
    return seen;
  }
  if (value === null || typeof value !== "object") return seen;
  for (const key in value) {
    if (!tree.keys.has(key)) (seen ??= new Set()).add(prefix ? `${prefix}.${key}` : key);
    else {
      const child = tree.children.get(key);
      const v = (value as Record<string, unknown>)[key];
      if (child && v !== null && typeof v === "object") seen = walk(child, v, prefix ? `${prefix}.${key}` : key, seen);
    }
  }
  return seen;
}
