import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import * as aq from "arquero";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { loadTables, type MetricsTables } from "../../src/join/load-tables";
import { checkExportTarget, exportTables, type ExportFormat } from "../../src/export/export-tables";
import { datasetTable } from "../../src/dataset/dataset-tables";
import { DATASET_TABLES } from "../../src/dataset/table-names";
import { columnKinds, SQL_TYPES, type ColumnKind } from "../../src/dataset/column-types";
import { quoteLiteral } from "../../src/sql/quote";
import { OutputExistsError } from "../../src/io/output-check";
import { dimensionColumn } from "../../src/join/columns";
import { tempDir } from "../helpers";
import { hostileLog } from "../dataset/hostile-log";
import { duckdbChecksums, sameChecksums, tableChecksums } from "./checksum";
import { registerTable } from "../../src/sql/register-table";

const sample = join(__dirname, "..", "..", "data", "sample", "metrics.log");

async function duckdb(): Promise<DuckDBConnection> {
  const c = await (await DuckDBInstance.create(":memory:")).connect();
  await c.run("SET TimeZone = 'UTC'");
  return c;
}

/** How DuckDB reads back table `name` of a dataset written in `format`, and how each column is cast back. */
function readBack(dir: string, name: string, format: Exclude<ExportFormat, "arrow">, kinds: ReadonlyMap<string, ColumnKind>) {
  if (format === "parquet") return { relation: `read_parquet(${quoteLiteral(join(dir, name, "**", "*.parquet"))}, hive_partitioning = true)`, cast: (c: string) => c };
  if (format === "ndjson") {
    const columns = [...kinds].map(([c, k]) => `${quoteLiteral(c)}: ${quoteLiteral(SQL_TYPES[k])}`).join(", ");
    return { relation: `read_json(${quoteLiteral(join(dir, name, `${name}.ndjson`))}, format = 'newline_delimited', columns = {${columns}})`, cast: (c: string) => c };
  }
  const cast = (c: string, k: ColumnKind) => (k === "varchar" ? c : k === "list" ? `from_json(${c}, '["VARCHAR"]')` : `${c}::${SQL_TYPES[k]}`);
  return { relation: `read_csv(${quoteLiteral(join(dir, name, `${name}.csv`))}, header = true, all_varchar = true)`, cast };
}

/** Every table of `t` exported in every format and read back: row counts and per-column checksums equal the kit's. */
async function checkRoundTrip(t: MetricsTables): Promise<void> {
  const c = await duckdb();
  const problems: string[] = [];
  for (const format of ["parquet", "csv", "ndjson", "arrow"] as const) {
    const dir = join(tempDir(), "out");
    const written = await exportTables(t, dir, { format });
    assert.deepEqual(Object.keys(written), [...DATASET_TABLES]);
    for (const name of DATASET_TABLES) {
      const table = datasetTable(t, name);
      const kinds = columnKinds(table);
      const expected = tableChecksums(table);
      assert.equal(written[name], table.numRows());
      let actual;
      if (format === "arrow") {
        // DuckDB has no Arrow IPC reader built in: the file is read by arquero (flechette) and handed to DuckDB as a table.
        const back = aq.fromArrow(readFileSync(join(dir, name, `${name}.arrow`)));
        await registerTable(c, "back", back);
        actual = await duckdbChecksums(c, "back", kinds);
        assert.equal(back.numRows(), table.numRows());
      } else {
        const { relation, cast } = readBack(dir, name, format, kinds);
        const rows = Number((await c.runAndReadAll(`SELECT count(*) FROM ${relation}`)).getRowsJS()[0][0]);
        assert.equal(rows, table.numRows(), `${format} ${name} rows`);
        actual = await duckdbChecksums(c, relation, kinds, cast);
      }
      problems.push(...sameChecksums(actual, expected, `${format} ${name}`));
    }
  }
  assert.deepEqual(problems, []);
}

test("every table in every format reads back through DuckDB with the kit's row counts and per-column checksums (sample log)", async () => {
  await checkRoundTrip(await loadTables(sample));
});

test("hostile dimension names survive every format (quoted identifiers, CSV header quoting, no prototype keys)", async () => {
  const t = await loadTables(hostileLog());
  await checkRoundTrip(t);
  const dims = new Set(datasetTable(t, "scores").array("dimension") as string[]);
  for (const name of t.dimensions) assert.ok(dims.has(name), name);
});

test("Parquet: hive partitions by the UTC month of ts, and the schema's column types", async () => {
  const t = await loadTables(sample);
  const dir = join(tempDir(), "pq");
  await exportTables(t, dir, { format: "parquet", tables: ["sessions", "joined"] });
  const months = new Set((t.sessions.array("ts") as Date[]).map((d) => d.toISOString().slice(0, 7)));
  assert.deepEqual(readdirSync(join(dir, "sessions")).sort(), [...months].sort().map((m) => `month=${m}`));
  const c = await duckdb();
  const perMonth = (await c.runAndReadAll(`SELECT month, count(*)::INTEGER FROM read_parquet(${quoteLiteral(join(dir, "sessions", "**", "*.parquet"))}, hive_partitioning = true) GROUP BY month ORDER BY month`)).getRowsJS();
  const expected = t.sessions.derive({ month: aq.escape((d: { ts: Date }) => d.ts.toISOString().slice(0, 7)) }).groupby("month").count().orderby("month").objects();
  assert.deepEqual(perMonth, (expected as { month: string; count: number }[]).map((r) => [r.month, r.count]));
  const types = new Map((await c.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${quoteLiteral(join(dir, "joined", "**", "*.parquet"))})`)).getRowsJS().map((r) => [r[0], r[1]]));
  assert.equal(types.get("ts"), "TIMESTAMP WITH TIME ZONE");
  assert.equal(types.get("session_id"), "VARCHAR");
  assert.equal(types.get("strength_tags"), "VARCHAR[]");
  assert.equal(types.get("n_media"), "INTEGER");
  assert.equal(types.get("line"), "INTEGER");
  assert.equal(types.get("audio.speech_rate"), "DOUBLE");
  assert.equal(types.get(dimensionColumn("表达清晰度")), "DOUBLE");
  // total_words is a whole number in the schema (z.number().int()): an integer, the other diagnostics doubles
  assert.equal(types.get("total_words"), "INTEGER");
  assert.equal(types.get("avg_answer_len"), "DOUBLE");
  // NaN (a session without video) is a Parquet NULL, not a NaN.
  const nulls = (await c.runAndReadAll(`SELECT count(*) FILTER (WHERE "video.smile_ratio" IS NULL)::INTEGER, count(*) FILTER (WHERE isnan("video.smile_ratio"))::INTEGER FROM read_parquet(${quoteLiteral(join(dir, "joined", "**", "*.parquet"))})`)).getRowsJS()[0];
  assert.deepEqual(nulls, [(t.joined.array("video.smile_ratio") as Float64Array).filter((v) => Number.isNaN(v)).length, 0]);
});

test("CSV through a CSV parser (arquero's): every cell equals the kit's value", async () => {
  const t = await loadTables(hostileLog());
  const dir = join(tempDir(), "csv");
  await exportTables(t, dir, { format: "csv", tables: ["sessions", "scores"] });
  for (const name of ["sessions", "scores"] as const) {
    const table = datasetTable(t, name);
    const kinds = columnKinds(table);
    if (name === "sessions") assert.equal(kinds.get("total_words"), "integer", "written 210, not 210.0");
    const parsed = aq.fromCSV(readFileSync(join(dir, name, `${name}.csv`), "utf8"), { autoType: false });
    assert.deepEqual(parsed.columnNames(), table.columnNames());
    const expected = table.objects() as Record<string, unknown>[];
    const got = parsed.objects() as Record<string, string | null>[];
    assert.equal(got.length, expected.length);
    got.forEach((row, i) => {
      for (const [col, kind] of kinds) {
        const v = expected[i][col];
        const cell = row[col];
        const missing = v === null || (typeof v === "number" && Number.isNaN(v));
        if (missing) assert.ok(cell === null || cell === "", `${name}[${i}].${col}: ${cell}`);
        else if (kind === "timestamp") assert.equal(cell, (v as Date).toISOString());
        else if (kind === "integer") assert.equal(cell, String(v), `${name}[${i}].${col}`);
        else if (kind === "double") assert.equal(Number(cell), v, `${name}[${i}].${col}`);
        else if (kind === "list") assert.deepEqual(JSON.parse(cell!), [...(v as string[])]);
        else if (kind === "boolean") assert.equal(cell, String(v));
        else assert.equal(cell, v);
      }
    });
  }
});

test("a table folder already there is refused without force and replaced with it; nothing else in the folder is touched", async () => {
  const t = await loadTables(sample);
  const parent = tempDir();
  const dir = join(parent, "out");
  mkdirSync(dir);
  writeFileSync(join(dir, "metrics.log"), readFileSync(sample)); // the log itself, exported into its own folder
  await exportTables(t, dir, { format: "ndjson", tables: ["media"] });
  await exportTables(t, dir, { format: "csv", tables: ["sessions"] }); // another table: no conflict
  assert.deepEqual(readdirSync(dir).sort(), ["media", "metrics.log", "sessions"]);
  await assert.rejects(exportTables(t, dir, { format: "csv", tables: ["sessions"] }), OutputExistsError);
  await exportTables(t, dir, { format: "arrow", tables: ["sessions"], force: true });
  assert.deepEqual(readdirSync(dir).sort(), ["media", "metrics.log", "sessions"]);
  assert.deepEqual(readdirSync(join(dir, "sessions")), ["sessions.arrow"]);
  assert.deepEqual(readdirSync(join(dir, "media")), ["media.ndjson"]);
  assert.deepEqual(readFileSync(join(dir, "metrics.log")), readFileSync(sample));
  assert.deepEqual(readdirSync(parent), ["out"]);
  // a table folder holding a log being exported is never replaced, nor is a file taken for the folder
  writeFileSync(join(dir, "media", "m.log"), "");
  assert.throws(() => checkExportTarget(dir, { format: "csv", tables: ["media"], force: true, inputs: [join(dir, "media", "m.log")] }), /holds a file being read \(a log or a --users file\); it is not replaced/);
  assert.throws(() => checkExportTarget(join(dir, "metrics.log"), { format: "csv" }), /is not a folder/);
});

test("a failed export leaves neither a half dataset nor its staging folder", async () => {
  const t = await loadTables(sample);
  const parent = tempDir();
  const dir = join(parent, "out");
  // A column named like the partition column makes the Parquet export of that table fail after others were written.
  const clash = { ...t, joined: t.joined.derive({ month: () => 1 }) };
  await assert.rejects(exportTables(clash, dir, { format: "parquet", tables: ["sessions", "joined"] }), /month/);
  assert.equal(existsSync(dir), false);
  assert.deepEqual(readdirSync(parent), []);
});

test("staging folders left by killed exports (and the old tables they set aside) are deleted by the next export; a running one's are kept", async () => {
  const t = await loadTables(sample);
  const parent = tempDir();
  const out = join(parent, "out");
  // a process that ran and ended (its pid is free), and one that still runs
  const ended = spawnSync(process.execPath, ["-e", "0"]).pid!;
  const live = spawn("sleep", ["30"]);
  try {
    const stale = [`.out.partial-${ended}-AbC123`, `.out.partial-${ended}-AbC123.old-sessions`];
    const kept = `.out.partial-${live.pid}-XyZ789`;
    for (const name of [...stale, kept]) mkdirSync(join(parent, name, "media"), { recursive: true });
    await exportTables(t, out, { format: "csv", tables: ["media"] });
    assert.deepEqual(readdirSync(parent).sort(), [kept, "out"].sort());
  } finally {
    live.kill();
  }
});
