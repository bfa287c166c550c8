import { z } from "zod";
import { arrayOfBytes, restoreSnapshot, takeSnapshot, type SnapshotMeta } from "../store/store-snapshot";
import type { MetricsData } from "../store/metrics-data";
import type { LoadIssue } from "../load/load-issue";
import { CacheWriter, readCacheFile } from "./cache-file";

/** What a snapshot file keeps besides the data: the log's issues and drift up to `to`, its `lines` lines. */
export interface SnapshotBase {
  data: MetricsData;
  issues: LoadIssue[];
  drift: [string, number][];
  lines: number;
  /** Byte offset in the log just after the snapshot's last line. */
  to: number;
}

const Extra = z.object({
  issues: z.array(z.looseObject({ line: z.number().int().positive() })),
  drift: z.array(z.tuple([z.string(), z.number().int()])),
  lines: z.number().int().nonnegative(),
  to: z.number().int().nonnegative(),
});

/**
 * Writes a log's data as a snapshot file, atomically: a record of JSON (the snapshot's description, the issues,
 * drift and extent), one of its value lists, then one record per typed array, each with its CRC. The arrays are
 * written on libuv's thread pool while the caller goes on (building tables from the same, unchanging, arrays); the
 * promise resolves once the file is in place.
 *
 * @example await writeSnapshotFile("/cache/ab….snap", key, { data, issues, drift, lines, to })
 */
export async function writeSnapshotFile(path: string, key: string, base: SnapshotBase): Promise<void> {
  const s = takeSnapshot(base.data);
  const w = CacheWriter.open(path, key);
  try {
    w.record(Buffer.from(JSON.stringify({ meta: s.meta, issues: base.issues, drift: base.drift, lines: base.lines, to: base.to })));
    w.record(Buffer.from(JSON.stringify(s.values)));
    await w.recordsLater(s.arrays.map((a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength)));
    w.commit();
  } finally {
    w.discard();
  }
}

/**
 * A snapshot file read back, its rows and issues naming `file`, or `undefined` when it is missing or cannot be
 * trusted (foreign, damaged, another key, a description that does not hold together).
 *
 * @example readSnapshotFile("/cache/ab….snap", key, "metrics.log")?.data.reports.ts.length
 */
export function readSnapshotFile(path: string, key: string, file: string): SnapshotBase | undefined {
  let records: Generator<Buffer> | undefined;
  try {
    const r = (records = readCacheFile(path, key));
    const head = JSON.parse(next(r).toString("utf8")) as { meta: SnapshotMeta; issues: LoadIssue[] };
    const extra = Extra.parse(head); // checked; the issues are used as written (zod would reorder their keys)
    // The arrays are read before the value lists are parsed: garbage collections during the reads then do not
    // walk the lists' ~600k strings (~30 ms less on the bench log).
    const valueBytes = next(r);
    const arrays = head.meta.arrays.map(({ type }) => arrayOfBytes(next(r), type));
    if (!r.next().done) return undefined;
    const values = JSON.parse(valueBytes.toString("utf8")) as unknown[][];
    if (!Array.isArray(values) || !values.every(Array.isArray)) return undefined;
    for (const list of values) for (const v of list) if (Array.isArray(v)) Object.freeze(v);
    const data = restoreSnapshot({ meta: head.meta, values, arrays }, file);
    const issues = head.issues.map((i) => ({ ...i, file }));
    return { data, issues, drift: extra.drift, lines: extra.lines, to: extra.to };
  } catch {
    return undefined;
  } finally {
    records?.return(undefined);
  }
}

function next(records: Generator<Buffer>): Buffer {
  const r = records.next();
  if (r.done) throw new Error("snapshot: a record is missing");
  return r.value;
}
