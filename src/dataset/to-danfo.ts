import type * as aq from "arquero";
import { columnKinds } from "./column-types";

/** Thrown by `toDanfo` when the optional peer dependency danfojs is not installed. */
export class DanfoMissingError extends Error {
  constructor() {
    super("toDanfo needs the optional package danfojs: npm install danfojs");
    this.name = "DanfoMissingError";
  }
}

/** danfojs, when installed (an optional peer dependency: never installed by the kit); a danfojs that fails to load is that error, not "missing". */
function danfo(): { DataFrame: new (rows: unknown[][], options: { columns: string[] }) => unknown } {
  try {
    return require("danfojs");
  } catch (e) {
    const notFound = (e as NodeJS.ErrnoException).code === "MODULE_NOT_FOUND" && String((e as Error).message).includes("'danfojs'");
    if (notFound) throw new DanfoMissingError();
    throw e;
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
  const names: string[] = [];
  const columns: unknown[][] = [];
  for (const [name, kind] of columnKinds(table)) {
    const values = table.array(name) as ArrayLike<unknown>;
    names.push(name);
    columns.push(Array.from(values, (v) => (kind === "list" ? (v == null ? null : JSON.stringify(v)) : v ?? null)));
  }
  // Rows and column names, not an object of columns: danfojs takes an object for one only when its `constructor` is
  // Object's, so a column named `constructor` (or `__proto__`) would break it; and rows hold a table of no rows too.
  const rows = Array.from({ length: table.numRows() }, (_, i) => columns.map((c) => c[i]));
  return new DataFrame(rows, { columns: names });
}
