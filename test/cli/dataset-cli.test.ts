import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as aq from "arquero";
import { loadTables } from "../../src/join/load-tables";
import { filterTables } from "../../src/dataset/filter-tables";
import { sql } from "../../src/sql/sql";
import { quoteLiteral } from "../../src/sql/quote";
import { exportTables } from "../../src/export/export-tables";
import { cli, tempDir } from "../helpers";

const sample = join(__dirname, "..", "..", "data", "sample", "metrics.log");
const tablesP = loadTables(sample);
const query = "SELECT user_id, count(*) AS n, min(ts) AS first FROM sessions WHERE user_id IS NOT NULL GROUP BY user_id ORDER BY n DESC, user_id LIMIT 5";

test("sql --json prints the library's rows; the load's issues are one count line on stderr", async () => {
  const t = await tablesP;
  const r = cli(["sql", sample, query, "--json"]);
  assert.equal(r.status, 0, r.stderr);
  const expected = ((await sql(t, query)).objects() as { user_id: string; n: number; first: Date }[]).map((o) => ({ ...o, first: o.first.toISOString() }));
  assert.deepEqual(JSON.parse(r.stdout), expected);
  const errors = t.issues.filter((i) => i.severity === "error").length;
  assert.equal(r.stderr, `metrics-kit: ${t.issues.length} issues (${errors} rejected lines, ${t.issues.length - errors} warnings); \`metrics-kit summary\` lists them\n`);
  const csv = cli(["sql", sample, query, "--csv"]);
  assert.deepEqual(aq.fromCSV(csv.stdout, { autoType: false }).array("user_id"), expected.map((o) => o.user_id));
  const text = cli(["sql", sample, query]).stdout.split("\n");
  assert.match(text[0], /^user_id\s+n\s+first$/);
  assert.equal(text.length, 2 + 5 + 1);
});

test("sql: a bad query exits 2 with one line; filters apply", async () => {
  const bad = cli(["sql", sample, "SELECT nope FROM sessions"]);
  assert.equal(bad.status, 2);
  const lines = bad.stderr.trimEnd().split("\n");
  assert.equal(lines.length, 2);
  assert.match(lines[1], /^metrics-kit: Binder Error: Referenced column "nope" not found/);
  const t = await tablesP;
  const r = cli(["sql", sample, "SELECT count(*) AS n FROM sessions", "--json", "--since", "2025-10-01", "--until", "2025-11-01"]);
  assert.deepEqual(JSON.parse(r.stdout), [{ n: filterTables(t, { since: Date.UTC(2025, 9, 1), until: Date.UTC(2025, 10, 1) }).sessions.numRows() }]);
  assert.equal(cli(["sql", sample, "SELECT 1", "--since", "soon"]).status, 2);
});

test("sql refuses a statement that writes files (the probe's COPY over the log it reads): one line, exit 2, the log untouched; --force runs it", () => {
  const dir = tempDir();
  const log = join(dir, "q3.log");
  copyFileSync(sample, log);
  const r = cli(["sql", log, `copy (select session_id from sessions) to ${quoteLiteral(log)} (format csv)`, "--no-cache"]);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, "");
  assert.equal(r.stderr.split("\n")[1], "metrics-kit: sql: the query is COPY, which can write a file (COPY … TO; COPY … FROM is refused too: DuckDB " +
    "gives both one statement type); pass --force to run it, or write datasets with metrics-kit export");
  assert.deepEqual(readFileSync(log), readFileSync(sample));
  const out = join(dir, "ids.csv");
  const forced = cli(["sql", log, `copy (select session_id from sessions order by session_id) to ${quoteLiteral(out)} (format csv)`, "--force", "--no-cache"]);
  assert.equal(forced.status, 0, forced.stderr);
  assert.equal(readFileSync(out, "utf8").split("\n")[0], "session_id");
});

test("sql: several statements that return rows print one note on stderr (only the last statement's result is printed)", () => {
  const r = cli(["sql", sample, "select 1 as a; select count(*) as n from sessions; select 2 as b", "--json"]);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), [{ b: 2 }]);
  const notes = r.stderr.split("\n").filter((line) => line.includes("statements of the query"));
  assert.deepEqual(notes, ["metrics-kit: sql: 3 statements of the query return rows; only the last statement's result is printed"]);
  const one = cli(["sql", sample, "create table x as select 1 as a; select * from x", "--json"]);
  assert.equal(one.status, 0, one.stderr);
  assert.equal(one.stderr.includes("statements of the query"), false);
});

test("sql: a query that names none of the kit's tables reads no log (a missing default log is no error, and not mentioned); one that does still needs it", async () => {
  const t = await tablesP;
  const dir = tempDir();
  await exportTables(t, join(dir, "out"), { format: "parquet", tables: ["sessions"] });
  const env = { ...process.env };
  delete env.INTERVIEW_METRICS_LOG_PATH;
  const run = (args: string[]) => spawnSync(process.execPath, [join(__dirname, "..", "..", "bin", "metrics-kit.js"), ...args], { cwd: dir, env, encoding: "utf8" });
  const r = run(["sql", "select count(*) as n from read_parquet('out/sessions/**/*.parquet')", "--json"]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, "");
  assert.deepEqual(JSON.parse(r.stdout), [{ n: t.sessions.numRows() }]);
  const named = run(["sql", "select count(*) as n from sessions"]);
  assert.equal(named.status, 2);
  assert.equal(named.stderr, "metrics-kit: cannot read metrics.log: ENOENT: no such file or directory, open 'metrics.log'\n");
});

test("export writes one folder per table, refuses a non-empty folder without --force, filters", async () => {
  const t = await tablesP;
  const dir = join(tempDir(), "ds");
  const r = cli(["export", sample, "--format", "parquet", "--out", dir, "--tables", "sessions,media"]);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(readdirSync(dir).sort(), ["media", "sessions"]);
  assert.equal(r.stdout, `${join(dir, "sessions")}/ ${t.sessions.numRows()} rows (parquet)\n${join(dir, "media")}/ ${t.media.numRows()} rows (parquet)\n`);
  const again = cli(["export", sample, "--format", "csv", "--out", dir]);
  assert.equal(again.status, 2);
  assert.match(again.stderr, /exists; pass --force/);
  assert.equal(again.stderr.includes("issue"), false, "refused before the log is read"); // no issue count line
  // --force replaces the table folders only: the log in the folder exported into stays
  const own = join(tempDir(), "own");
  const log = join(own, "metrics.log");
  cli(["export", sample, "--out", own, "--tables", "sessions"]);
  writeFileSync(log, readFileSync(sample));
  const here = cli(["export", log, "--format", "csv", "--out", own, "--force", "--tables", "sessions", "--no-cache"]);
  assert.equal(here.status, 0, here.stderr);
  assert.deepEqual(readdirSync(own).sort(), ["metrics.log", "sessions"]);
  assert.deepEqual(readFileSync(log), readFileSync(sample));
  const users = join(tempDir(), "users.txt");
  const picked = (t.sessions.array("user_id") as (string | null)[]).filter((u): u is string => u !== null).slice(0, 10);
  writeFileSync(users, picked.join("\n"));
  const forced = cli(["export", sample, "--format", "csv", "--out", dir, "--force", "--tables", "sessions", "--users", users]);
  assert.equal(forced.status, 0, forced.stderr);
  assert.equal(forced.stdout, `${join(dir, "sessions")}/ ${filterTables(t, { users: picked }).sessions.numRows()} rows (csv)\n`);
  assert.ok(existsSync(join(dir, "sessions", "sessions.csv")));
  assert.equal(cli(["export", sample, "--out", join(tempDir(), "x"), "--tables", "sessions,bogus"]).status, 2);
});

test("--since/--until/--users on summary, analyze, replay and report", async () => {
  const t = await tablesP;
  const f = filterTables(t, { since: Date.UTC(2025, 9, 1), until: Date.UTC(2025, 10, 1) });
  const s = JSON.parse(cli(["summary", sample, "--json", "--since", "2025-10-01", "--until", "2025-11-01"]).stdout);
  assert.equal(s.sessions, f.sessions.numRows());
  assert.ok(s.sessions > 0 && s.sessions < t.sessions.numRows());
  const users = (t.sessions.array("user_id") as (string | null)[]).filter((u): u is string => u !== null).slice(0, 30);
  const replay = JSON.parse(cli(["replay", sample, "--json", "--users", users.join(",")]).stdout);
  assert.equal(replay.sessions, filterTables(t, { users }).sessions.numRows());
  const analyze = cli(["analyze", sample, "--since", "2025-10-01"]);
  assert.equal(analyze.status, 0, analyze.stderr);
  assert.match(analyze.stdout, new RegExp(`^sessions: ${filterTables(t, { since: Date.UTC(2025, 9, 1) }).sessions.numRows()},`));
  const out = join(tempDir(), "r.html");
  const report = cli(["report", sample, "--out", out, "--since", "2025-10-01", "--until", "2025-11-01"]);
  assert.equal(report.status, 0, report.stderr);
  assert.match(report.stdout, new RegExp(`: ${f.sessions.numRows()} sessions,`));
});

test("a filtered timeline numbers sessions inside the window, from 1; every filtered command's --help says so", async () => {
  // a student with sessions before and after the cut: after it, their first kept session is session_index 1
  const t = await tablesP;
  const all = (await sql(t, "SELECT user_id, ts, session_index FROM timelines")).objects() as { user_id: string; ts: Date; session_index: number }[];
  const cut = Date.UTC(2025, 9, 15);
  const user = all.find((r) => r.ts.getTime() < cut && all.some((o) => o.user_id === r.user_id && o.ts.getTime() >= cut))!.user_id;
  const before = all.filter((r) => r.user_id === user && r.ts.getTime() < cut).length;
  const r = cli(["sql", sample, "--since", "2025-10-15", `SELECT session_index FROM timelines WHERE user_id = '${user}' ORDER BY ts`, "--json"]);
  assert.equal(r.status, 0, r.stderr);
  const kept = (JSON.parse(r.stdout) as { session_index: number }[]).map((o) => o.session_index);
  assert.ok(before > 0 && kept.length > 0);
  assert.deepEqual(kept, kept.map((_, k) => k + 1), `${user}: ${before} sessions before the window`);
  for (const command of ["summary", "analyze", "replay", "report", "sql", "export"]) {
    const help = cli([command, "--help"]).stdout.replace(/\s+/g, " ");
    assert.match(help, /session_index starts at 1 at the first session kept, and progress \(students with at least 3 sessions\) counts only the sessions kept/, command);
  }
});
