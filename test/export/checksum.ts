import { createHash } from "node:crypto";
import type * as aq from "arquero";
import type { DuckDBConnection } from "@duckdb/node-api";
import { columnKinds, type ColumnKind } from "../../src/dataset/column-types";
import { quoteIdentifier } from "../../src/sql/quote";

/** Per column: present values, and two sums that depend on every value (order-free). */
export type Checksum = [present: number, a: number, b: number];

const md5Int = (s: string) => parseInt(createHash("md5").update(s).digest("hex").slice(0, 8), 16);
const missing = (v: unknown) => v === null || v === undefined || (typeof v === "number" && Number.isNaN(v));

/** The checksum of a kit table's column, computed in JS from the values arquero gives. */
export function tableChecksums(table: aq.ColumnTable): Map<string, Checksum> {
  const out = new Map<string, Checksum>();
  for (const [name, kind] of columnKinds(table)) {
    const sums: Checksum = [0, 0, 0];
    for (const v of table.array(name) as ArrayLike<unknown> & Iterable<unknown>) {
      if (missing(v)) continue;
      sums[0]++;
      if (kind === "double" || kind === "integer") sums[1] += v as number;
      else if (kind === "timestamp") sums[1] += +(v as Date);
      else if (kind === "boolean") sums[1] += v ? 1 : 0;
      else if (kind === "varchar") sums[1] += md5Int(v as string);
      else {
        sums[1] += md5Int((v as string[]).join("|"));
        sums[2] += (v as string[]).length;
      }
    }
    out.set(name, sums);
  }
  return out;
}

/** The same checksum computed by DuckDB over `relation` (a table or `read_…(…)`), each column read through `cast`. */
export async function duckdbChecksums(connection: DuckDBConnection, relation: string, kinds: ReadonlyMap<string, ColumnKind>,
  cast: (column: string, kind: ColumnKind) => string = (c) => c): Promise<Map<string, Checksum>> {
  const names = [...kinds.keys()];
  const parts = names.map((name) => {
    const kind = kinds.get(name)!;
    const c = cast(quoteIdentifier(name), kind);
    const a = kind === "double" || kind === "integer" ? `sum(${c})` : kind === "timestamp" ? `sum(epoch_ms(${c}))` : kind === "boolean" ? `sum(${c}::INTEGER)`
      : kind === "varchar" ? `sum(('0x' || left(md5(${c}), 8))::BIGINT)` : `sum(('0x' || left(md5(array_to_string(${c}, '|')), 8))::BIGINT)`;
    const b = kind === "list" ? `sum(len(${c}))` : "0";
    return `count(${c}), coalesce(${a}, 0), coalesce(${b}, 0)`;
  });
  const row = (await connection.runAndReadAll(`SELECT ${parts.join(", ")} FROM ${relation}`)).getRowsJS()[0].map(Number);
  return new Map(names.map((name, k) => [name, row.slice(3 * k, 3 * k + 3) as Checksum]));
}

/** The differences between two checksum maps: counts and integer sums exact, other sums (of doubles, added in another order) to 1e-12 relative. */
export function sameChecksums(actual: Map<string, Checksum>, expected: Map<string, Checksum>, what: string): string[] {
  const problems: string[] = [];
  for (const [name, e] of expected) {
    const a = actual.get(name);
    if (!a) problems.push(`${what}: column ${name} missing`);
    else if (a[0] !== e[0] || a[2] !== e[2] || !closeSums(a[1], e[1])) problems.push(`${what}: ${name} ${a} ≠ ${e}`);
  }
  return problems;
}

function closeSums(a: number, b: number): boolean {
  if (Number.isInteger(a) && Number.isInteger(b)) return a === b;
  return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));
}
