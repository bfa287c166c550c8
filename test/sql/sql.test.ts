import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as aq from "arquero";
import { loadTables } from "../../src/join/load-tables";
import { sql, SqlError, SqlWriteError } from "../../src/sql/sql";
import { referencedTables } from "../../src/sql/duckdb-session";
import { quoteIdentifier, quoteLiteral } from "../../src/sql/quote";
import { exportTables } from "../../src/export/export-tables";
import { filterTables } from "../../src/dataset/filter-tables";
import { formatCsv, formatJson, formatTextTable } from "../../src/sql/format-result";
import { cli, sessionLine, tempDir, writeTemp } from "../helpers";
import { hostileLog } from "../dataset/hostile-log";

const sample = join(__dirname, "..", "..", "data", "sample", "metrics.log");
const tablesP = loadTables(sample);
const nan = (v: unknown) => (typeof v === "number" && Number.isNaN(v) ? null : v);

test("a group-by equals arquero's over the kit's sessions", async () => {
  const t = await tablesP;
  const got = await sql(t, `SELECT user_id, count(*) AS n, avg(overall_score) AS mean, max(ts) AS last FROM sessions
    WHERE user_id IS NOT NULL GROUP BY user_id ORDER BY user_id`);
  const expected = t.sessions.filter((d: { user_id: string | null }) => d.user_id !== null).groupby("user_id")
    .rollup({ n: aq.op.count(), mean: aq.op.mean("overall_score"), last: aq.op.max("ts") }).orderby("user_id");
  assert.ok(expected.numRows() > 50);
  assert.deepEqual(got.array("user_id"), expected.array("user_id"));
  assert.deepEqual(got.array("n"), expected.array("n"));
  (got.array("mean") as number[]).forEach((m, i) => assert.ok(Math.abs(m - (expected.get("mean", i) as number)) < 1e-9));
  assert.deepEqual((got.array("last") as Date[]).map(Number), (expected.array("last") as Date[]).map(Number));
});

test("a join of sessions and media equals arquero's join", async () => {
  const t = await tablesP;
  const got = await sql(t, `SELECT m.media_type, count(*) AS n, count(DISTINCT s.session_id) AS sessions, avg(m."audio.speech_rate") AS rate
    FROM sessions s JOIN media m ON m.session_id = s.session_id GROUP BY m.media_type ORDER BY m.media_type`);
  const expected = t.sessions.select("session_id").join(t.media.select("session_id", "media_type", "audio.speech_rate"), "session_id")
    .groupby("media_type").rollup({ n: aq.op.count(), sessions: aq.op.distinct("session_id"), rate: aq.op.mean("audio.speech_rate") }).orderby("media_type");
  assert.deepEqual(got.select("media_type", "n", "sessions").objects(), expected.select("media_type", "n", "sessions").objects());
  (got.array("rate") as number[]).forEach((r, i) => assert.ok(Math.abs(r - (expected.get("rate", i) as number)) < 1e-9));
  const total = await sql(t, "SELECT sum(n_media)::INTEGER AS n FROM joined");
  assert.equal(total.get("n", 0), expected.rollup({ n: aq.op.sum("n") }).get("n", 0)); // every media row of a reported session, counted two ways
});

test("hostile column names: each column selected by its quoted name returns the kit's values", async () => {
  const t = await loadTables(hostileLog());
  const names = t.sessions.columnNames();
  const got = await sql(t, `SELECT ${names.map(quoteIdentifier).join(", ")} FROM sessions`);
  assert.deepEqual(got.columnNames(), names);
  for (const name of names) {
    const expected = (t.sessions.array(name) as unknown[]).map((v) => (v instanceof Date ? +v : Array.isArray(v) ? [...v] : nan(v)));
    assert.deepEqual((got.array(name) as unknown[]).map((v) => (v instanceof Date ? +v : v)), Array.from(expected), name);
  }
  const byDimension = await sql(t, `SELECT dimension, count(*) AS n FROM scores WHERE dimension = ${quoteLiteral("it's")} OR dimension = '__proto__' GROUP BY 1 ORDER BY 1`);
  const counts = datasetCounts(t.data.reports.scores, t.data.current, ["__proto__", "it's"]);
  assert.deepEqual(byDimension.objects(), counts);
  // A result column named __proto__ gets a suffix instead of breaking the table.
  const proto = await sql(t, `SELECT 1 AS "__proto__", 2 AS "__proto__"`);
  assert.deepEqual(proto.objects(), [{ __proto___2: 1, __proto___3: 2 }]);
});

/** Rows of the long scores table per dimension, counted from the raw report columns (current reports only). */
function datasetCounts(scores: Map<string, { at(i: number): number }>, current: Int32Array, names: string[]) {
  return names.map((dimension) => ({ dimension, n: Array.from(current).filter((i) => i >= 0 && !Number.isNaN(scores.get(dimension)!.at(i))).length }));
}

test("sql reads exported Parquet files too; values come back as numbers, Dates and arrays", async () => {
  const t = await tablesP;
  const dir = join(tempDir(), "pq");
  await exportTables(t, dir, { format: "parquet", tables: ["sessions"] });
  const got = await sql(t, `SELECT count(*) AS n, min(ts) AS first, (SELECT count(*) FROM sessions) AS kit
    FROM read_parquet(${quoteLiteral(join(dir, "sessions", "**", "*.parquet"))}, hive_partitioning = true)`);
  assert.deepEqual(got.objects(), [{ n: t.sessions.numRows(), first: new Date(Math.min(...(t.sessions.array("ts") as Date[]).map(Number))), kit: t.sessions.numRows() }]);
  const tags = await sql(t, "SELECT strength_tags FROM sessions WHERE strength_tags IS NOT NULL LIMIT 1");
  assert.ok(Array.isArray(tags.get("strength_tags", 0)));
});

test("over filtered tables; only the tables a query names are registered; errors are one line", async () => {
  const t = await tablesP;
  const f = filterTables(t, { since: Date.UTC(2025, 9, 1) });
  assert.equal((await sql(f, "SELECT count(*) AS n FROM sessions")).get("n", 0), f.sessions.numRows());
  assert.deepEqual(referencedTables(`select * from Sessions s join "media" using (session_id) where n_media > 0`), ["sessions", "media"]);
  await assert.rejects(sql(t, "SELECT count(*) FROM sessions", { tables: ["media"] }), (e: Error) => e instanceof SqlError && /sessions does not exist/.test(e.message) && !e.message.includes("\n"));
  await assert.rejects(sql(t, "SELEC 1"), (e: Error) => e instanceof SqlError && e.message === 'Parser Error: syntax error at or near "SELEC"');
});

test("results as text, CSV and JSON", async () => {
  const table = aq.table({ name: ["表达", "a,b"], n: [1, 10], at: [new Date(Date.UTC(2025, 10, 1)), null], tags: [["x"], null] });
  assert.equal(formatTextTable(table), [
    "name   n  at                        tags", "----  --  ------------------------  -----",
    "表达   1  2025-11-01T00:00:00.000Z  [\"x\"]", "a,b   10  null                      null"].join("\n"));
  assert.equal(formatCsv(table), 'name,n,at,tags\n表达,1,2025-11-01T00:00:00.000Z,"[""x""]"\n"a,b",10,,\n');
  assert.deepEqual(JSON.parse(formatJson(table)), [{ name: "表达", n: 1, at: "2025-11-01T00:00:00.000Z", tags: ["x"] }, { name: "a,b", n: 10, at: null, tags: null }]);
});

test("a result of no rows is an empty table with its columns (library, and the CLI's text, --json and --csv)", async () => {
  const t = await tablesP;
  const empty = await sql(t, "SELECT session_id, overall_score FROM sessions WHERE false");
  assert.deepEqual([empty.numRows(), empty.columnNames()], [0, ["session_id", "overall_score"]]);
  assert.equal((await sql(t, "SELECT * FROM sessions LIMIT 0")).columnNames().length, t.sessions.columnNames().length);
  const run = (...more: string[]) => cli(["sql", sample, "SELECT session_id, overall_score FROM sessions LIMIT 0", ...more]);
  for (const [more, stdout] of [[[], "session_id  overall_score\n----------  -------------\n"], [["--json"], "[]\n"], [["--csv"], "session_id,overall_score\n"]] as const) {
    const r = run(...more);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, stdout, more.join(" "));
  }
});

test("a NUL in a dimension name: DuckDB sees the column as score:…\\x00… (its parser ends the query at a NUL), for sql and every export format", async () => {
  const line = (i: number) => sessionLine({ sid: `s${i}`, user: `u${i % 3}`, ts: `2025-11-0${1 + (i % 9)}T10:00:00`, scores: [40 + i, 50, 60] }).replace('"name": "结构化表达（STAR）"', '"name": "nul\\u0000x"');
  const t = await loadTables(writeTemp("nul.log", `${Array.from({ length: 12 }, (_, i) => line(i)).join("\n")}\n`));
  assert.ok(t.dimensions.includes("nul\u0000x"));
  const got = await sql(t, `SELECT * FROM sessions ORDER BY session_id`);
  assert.ok(got.columnNames().includes("score:nul\\x00x"), got.columnNames().join(" | "));
  const expected = t.sessions.orderby("session_id").array("score:nul\u0000x") as ArrayLike<number>;
  assert.deepEqual(Array.from(got.array("score:nul\\x00x") as ArrayLike<number>), Array.from(expected));
  for (const format of ["parquet", "csv", "arrow", "ndjson"] as const) {
    const out = join(tempDir(), format);
    const written = await exportTables(t, out, { format });
    assert.equal(written.sessions, 12, format);
  }
});

test("statements that can write files are refused, one line, before the query runs (read by DuckDB's statement types); force runs them", async () => {
  const t = await tablesP;
  const dir = tempDir();
  const log = join(dir, "q3.log");
  copyFileSync(sample, log);
  const at = (name: string) => quoteLiteral(join(dir, name));
  const refused = (what: string) => (e: Error) => e instanceof SqlWriteError && e.message.startsWith(`sql: ${what}`) && e.message.endsWith("; pass --force to run it, or write datasets with metrics-kit export") && !e.message.includes("\n");
  // The probe's query: the log it reads, replaced by a CSV.
  await assert.rejects(sql(t, `copy (select session_id from sessions) to ${at("q3.log")} (format csv)`), refused("the query is COPY, which can write a file"));
  // A later statement is refused before an earlier one runs; one naming a table an earlier statement makes, before it runs.
  await assert.rejects(sql(t, `select error('statement 1 ran'); copy sessions to ${at("q3.log")}`), refused("statement 2 of 2 is COPY"));
  await assert.rejects(sql(t, "select error('statement 1 ran'); select 1"), /statement 1 ran/); // as it would, had it run
  await assert.rejects(sql(t, `create table x as select session_id from sessions; copy x to ${at("q3.log")} (format csv)`), refused("statement 2 of 2 is COPY"));
  await assert.rejects(sql(t, `export database ${at("exported")} (format csv)`), refused("the query is EXPORT DATABASE, which writes files"));
  await assert.rejects(sql(t, `attach ${at("a.duckdb")} as a`), refused("the query is ATTACH"));
  await assert.rejects(sql(t, `explain analyze copy (select 1) to ${at("e.csv")}`), refused("the query is EXPLAIN"));
  await assert.rejects(sql(t, `prepare p as copy (select 1) to ${at("p.csv")}; execute p`), refused("statement 1 of 2 is PREPARE"));
  // Settings that name files DuckDB writes cannot be changed (DuckDB's lock), nor any other.
  await assert.rejects(sql(t, `set log_query_path = ${at("queries.txt")}; select 1`), (e: Error) => e instanceof SqlError &&
    e.message === 'Invalid Input Error: Cannot change configuration option "log_query_path" - the configuration has been locked; pass --force to change DuckDB\'s settings');
  assert.deepEqual(readFileSync(log), readFileSync(sample));
  // DuckDB makes a missing EXPORT folder when it binds the statement: nothing is written into it.
  assert.deepEqual(readdirSync(dir).filter((f) => f !== "exported").sort(), ["q3.log"]);
  assert.deepEqual(existsSync(join(dir, "exported")) ? readdirSync(join(dir, "exported")) : [], []);
  // force: COPY … TO writes, COPY … FROM reads, settings change.
  const n = await sql(t, `copy (select count(*) as n from sessions) to ${at("n.csv")} (header); create table back (n bigint); copy back from ${at("n.csv")}; select n from back`, { force: true });
  assert.deepEqual(n.objects(), [{ n: t.sessions.numRows() }]);
  assert.equal(readFileSync(join(dir, "n.csv"), "utf8"), `n\n${t.sessions.numRows()}\n`);
  assert.deepEqual((await sql(t, "set threads = 1; select current_setting('threads') as n", { force: true })).objects(), [{ n: 1 }]);
});

test("onStatements tells how many statements returned rows (the last one's result is returned); no tables for a query that names none", async () => {
  const t = await tablesP;
  const told: { statements: number; withRows: number }[] = [];
  const onStatements = (c: { statements: number; withRows: number }) => told.push(c);
  assert.deepEqual((await sql(t, "select 1 as a; select count(*) as n from sessions", { onStatements })).objects(), [{ n: t.sessions.numRows() }]);
  await sql(t, "create table x as select 1 as a; set variable v = 2; select * from x", { onStatements });
  await sql(t, "select 1 as a; create table y as select 2 as b", { onStatements });
  assert.deepEqual(told, [{ statements: 2, withRows: 2 }, { statements: 3, withRows: 1 }, { statements: 2, withRows: 1 }]);
  assert.deepEqual((await sql(t, "-- nothing\n;")).columnNames(), []);
  const dir = join(tempDir(), "pq");
  await exportTables(t, dir, { format: "parquet", tables: ["sessions"] });
  const files = quoteLiteral(join(dir, "sessions", "**", "*.parquet"));
  assert.deepEqual((await sql(undefined, `select count(*) as n from read_parquet(${files})`)).objects(), [{ n: t.sessions.numRows() }]);
  // The CLI reads no log for such a query: a table named in a string or a comment is not one the query names.
  assert.deepEqual(referencedTables(`select * from read_parquet(${files}) -- not media`), []);
  assert.deepEqual(referencedTables(`select "it's", 'joined rows' from media /* scores */, query_table('Timelines')`), ["media", "timelines"]);
  await assert.rejects(sql(undefined, "select count(*) from sessions"), (e: Error) => e instanceof SqlError && /^Catalog Error: Table with name sessions does not exist/.test(e.message));
});
