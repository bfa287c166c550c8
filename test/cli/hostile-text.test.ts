import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { cli, sessionLine, tempDir, writeTemp } from "../helpers";

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

test("--users: a file's comments are removed, whole-line or after a space; ids no student has are told on stderr, on every run", () => {
  const dir = tempDir();
  for (const [value, message] of [[join(dir, "nope.txt"), `--users: no such file: ${join(dir, "nope.txt")}`], ["cohort.txt", "--users: no such file: cohort.txt"], [dir, `--users: ${dir} is a folder, not a file of user ids`]]) {
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

test("commander's own errors (an unknown option, conflicting options) quote the command line escaped, on one line", () => {
  const unknown = cli(["summary", "--x\u001b[2J\u202eopt"]);
  assert.equal(unknown.status, 2);
  assert.equal(unknown.stderr, "metrics-kit: unknown option '--x\\x1b[2J\\u202eopt'\n");
  const both = cli(["sql", sample, "select 1 a", "--json", "--csv"]);
  assert.equal(both.status, 2);
  assert.equal(both.stderr, "metrics-kit: option '--json' cannot be used with option '--csv'\n");
});

test("commander's suggestion follows its error on the same line, a space for its newline; a newline the user typed stays escaped", () => {
  const option = cli(["summary", "--sinse", "x"]);
  assert.equal(option.status, 2);
  assert.equal(option.stderr, "metrics-kit: unknown option '--sinse' (Did you mean --since?)\n");
  assert.equal(cli(["summry"]).stderr, "metrics-kit: unknown command 'summry' (Did you mean summary?)\n");
  assert.equal(cli(["summary", "--since\nx"]).stderr, "metrics-kit: unknown option '--since\\x0ax' (Did you mean --since?)\n");
  assert.equal(cli(["summary", "--x\n(Did you mean --since?)"]).stderr, "metrics-kit: unknown option '--x\\x0a(Did you mean --since?)'\n");
});
