import type * as aq from "arquero";
import { columnKinds } from "./column-types";

/** Thrown by `toDanfo` when the optional peer dependency danfojs is not installed. */
export class DanfoMissingError extends Error {
  constructor() {
    super("toDanfo needs the optional package danfojs: npm install danfojs");
    this.name = "DanfoMissingError";
  }
}

/** danfojs, when installed (an optional peer dependency: never installed by the kit). */
function danfo(): { DataFrame: new (data: Record<string, unknown[]>) => unknown } {
  try {
    return require("danfojs");
  } catch {
    throw new DanfoMissingError();
  }
}

/**
 * A kit table as a danfojs `DataFrame`, for analysts who want its pandas-like API on small tables: danfojs
 * holds every column as a plain JS array (no views, no typed columns), so materialise a filtered or aggregated
 * table, not a million sessions. Numbers keep `NaN` for missing (danfojs's own convention), timestamps are
 * `Date`s, lists become JSON strings (danfojs has no list cells). Throws `DanfoMissingError` (naming
 * `npm install danfojs`) when danfojs is absent.
 *
 * @example toDanfo(t.sessions.select("user_id", "overall_score")).describe().print()
 */
export function toDanfo(table: aq.ColumnTable): unknown {
  const { DataFrame } = danfo();
  const columns: Record<string, unknown[]> = Object.create(null);
  for (const [name, kind] of columnKinds(table)) {
    const values = table.array(name) as ArrayLike<unknown>;
    columns[name] = Array.from(values, (v) => (kind === "list" ? (v == null ? null : JSON.stringify(v)) : v ?? null));
  }
  return new DataFrame(columns);
}
