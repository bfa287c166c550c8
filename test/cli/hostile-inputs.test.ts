import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cli, sessionLine, tempDir, writeTemp } from "../helpers";

const bin = join(__dirname, "..", "..", "bin", "metrics-kit.js");
const sample = join(__dirname, "..", "..", "data", "sample", "metrics.log");
const EVIL = "\u001b[2J\u001b]0;pwned\u0007\r\n\u009b31m\u202e";

/** A small log of 3 students × 4 sessions whose first dimension is named with terminal control sequences. */
function evilLog(): string {
  const lines: string[] = [];
  for (let i = 0; i < 12; i++) {
    const s: [number, number, number] = [40 + ((i * 17) % 50), 50 + ((i * 11) % 40), 45 + ((i * 7) % 45)];
    const inJson = (text: string) => JSON.stringify(text).slice(1, -1);
    lines.push(sessionLine({ sid: inJson(`s${i}${EVIL}`), user: `u${i % 3}${EVIL}`, ts: `2025-11-${String(1 + i).padStart(2, "0")}T10:00:00`, scores: s }).replace('"name": "结构化表达（STAR）"', `"name": ${JSON.stringify(`表达${EVIL}`)}`));
  }
  return writeTemp("evil.log", `${lines.join("\n")}\n`);
}

test("text from the log cannot drive the terminal: analyze, replay, compare, sql and report's summary line escape it", () => {
  const log = evilLog();
  const out = join(tempDir(), "r.html");
  const runs = [
    cli(["analyze", log]),
    cli(["replay", log]),
    cli(["compare", log, "--a-until", "2025-11-05", "--b-since", "2025-11-05"]),
    cli(["sql", log, "select user_id, count(*) n from sessions group by user_id order by user_id"]),
    cli(["report", log, "--out", out]),
  ];
  for (const r of runs) {
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/, r.stdout.slice(0, 300));
  }
  // the names are there, escaped; one line stays one line
  assert.ok(runs[0].stdout.includes("表达\\x1b[2J\\x1b]0;pwned\\x07\\x0d\\x0a\\x9b31m\\u202e"), runs[0].stdout.slice(0, 400));
  assert.equal(runs[3].stdout.trimEnd().split("\n").length, 2 + 3);
  assert.equal(runs[4].stdout.trimEnd().split("\n").length, 1);
});

test("report --out an input log is refused, --force or not, under its own name or through a link; the log is kept", () => {
  const dir = tempDir();
  const log = join(dir, "m.log");
  writeFileSync(log, readFileSync(sample));
  const before = readFileSync(log);
  symlinkSync(log, join(dir, "link.log"));
  for (const args of [["report", log, "--out", log, "--force"], ["report", log, "--out", log], ["report", join(dir, "link.log"), "--out", log, "--force"]]) {
    const r = cli(args);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /^metrics-kit: cannot write .*m\.log: it is .*a log being read; choose another output\n$/);
  }
  assert.deepEqual(readFileSync(log), before);
  // a link named as the output is replaced, not followed: the log it points to stays
  const r = cli(["report", log, "--out", join(dir, "link.log"), "--force"]);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(readFileSync(log), before);
});

test("a named pipe or a process substitution is read as it comes, with the cache on or off, as the file itself", () => {
  const expected = cli(["summary", sample, "--json"]);
  assert.equal(expected.status, 0, expected.stderr);
  // the same summary but for the file's name, which it gives in `files` and in each issue
  const named = (s: string, file: string) => JSON.parse(s.split(JSON.stringify(file).slice(1, -1)).join("<log>"));
  for (const cache of [[], ["--no-cache"]]) {
    const sub = spawnSync("bash", ["-c", `"${process.execPath}" "${bin}" summary --json ${cache.join(" ")} <(cat "${sample}")`], { encoding: "utf8", timeout: 60_000 });
    assert.equal(sub.status, 0, sub.stderr);
    assert.deepEqual(named(sub.stdout, "/dev/fd/63"), named(expected.stdout, sample));
    const fifo = join(tempDir(), "m.fifo");
    assert.equal(spawnSync("mkfifo", [fifo]).status, 0);
    const writer = spawn("sh", ["-c", `cat "${sample}" > "${fifo}"`]);
    const r = spawnSync(process.execPath, [bin, "summary", "--json", ...cache, fifo], { encoding: "utf8", timeout: 60_000 });
    writer.kill();
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(named(r.stdout, fifo), named(expected.stdout, sample));
  }
});

test("--users: a missing file or a folder is one line, exit 2; a file's comments are removed; unknown ids are told", () => {
  const dir = tempDir();
  for (const [value, message] of [[join(dir, "nope.txt"), `--users: no such file: ${join(dir, "nope.txt")}`], ["cohort.txt", "--users: no such file: cohort.txt"], [dir, `--users: ${dir} is not a file`]]) {
    const r = cli(["summary", sample, "--users", value]);
    assert.equal(r.status, 2);
    assert.ok(r.stderr.startsWith(`metrics-kit: ${message}`), r.stderr);
    assert.equal(r.stderr.split("\n").length, 2);
  }
  const s = JSON.parse(cli(["summary", sample, "--json"]).stdout);
  const users = JSON.parse(cli(["sql", sample, "select distinct user_id from sessions where user_id is not null order by user_id limit 2", "--json"]).stdout).map((r: { user_id: string }) => r.user_id);
  const file = join(dir, "cohort.txt");
  writeFileSync(file, `# the pilot\n${users[0]}  # the first\n\n${users[1]}\nu_typo # left\n`);
  const r = cli(["summary", sample, "--json", "--users", file]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, 'metrics-kit: --users: 1 of 3 ids match no student in the logs: "u_typo"\n');
  const both = cli(["summary", sample, "--json", "--users", users.join(",")]);
  assert.deepEqual(JSON.parse(r.stdout), JSON.parse(both.stdout));
  assert.equal(both.stderr, "");
  assert.ok(JSON.parse(r.stdout).sessions > 0 && JSON.parse(r.stdout).sessions < s.sessions);
  // the warning is not lost to the memo: a second run tells it again
  assert.equal(cli(["summary", sample, "--json", "--users", file]).stderr, r.stderr);
});

test("sql without a query, or with an empty one, is one line before any load; compare names its own options", () => {
  for (const [args, message] of [[["sql", sample], `sql: the last argument must be the query, and ${sample} is a file`], [["sql", sample, "  "], "sql: the query is empty"]] as const) {
    const r = cli([...args]);
    assert.equal(r.status, 2);
    assert.ok(r.stderr.startsWith(`metrics-kit: ${message}`), r.stderr);
  }
  const bad = cli(["compare", sample, "--a-since", "nope", "--b-since", "2025-10-01"]);
  assert.equal(bad.status, 2);
  assert.equal(bad.stderr, 'metrics-kit: --a-since: "nope" is not an ISO date (YYYY-MM-DD) or date-time\n');
  const order = cli(["compare", sample, "--b-since", "2025-11-01", "--b-until", "2025-10-01"]);
  assert.equal(order.stderr, "metrics-kit: --b-since 2025-11-01 is not before --b-until 2025-10-01\n");
  const folder = tempDir();
  mkdirSync(join(folder, "sub"));
  assert.match(cli(["compare", sample, "--a-users", join(folder, "sub")]).stderr, /^metrics-kit: --a-users: .* is not a file/);
});
