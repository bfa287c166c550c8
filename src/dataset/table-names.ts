/** The tables the kit hands to other tools (export, SQL), by the name they get there. */
export const DATASET_TABLES = ["sessions", "scores", "media", "joined", "timelines"] as const;
export type DatasetTable = (typeof DATASET_TABLES)[number];

/** Thrown for a table name that is not one of `DATASET_TABLES`. */
export class UnknownTableError extends Error {
  constructor(name: string) {
    super(`unknown table "${name}"; the tables are ${DATASET_TABLES.join(", ")}`);
    this.name = "UnknownTableError";
  }
}

/**
 * Reads a comma-separated list of table names (`sessions,media`), checked against `DATASET_TABLES`.
 *
 * @example parseTableNames("sessions, scores") // ["sessions", "scores"]
 */
export function parseTableNames(list: string): DatasetTable[] {
  const names = list.split(",").map((s) => s.trim()).filter((s) => s !== "");
  for (const name of names) if (!(DATASET_TABLES as readonly string[]).includes(name)) throw new UnknownTableError(name);
  return [...new Set(names as DatasetTable[])];
}
