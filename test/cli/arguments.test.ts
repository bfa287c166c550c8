import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cli, tempDir } from "../helpers";

// Each bad value: the option named in one line, exit 2, nothing written.
const BAD: [string[], RegExp][] = [
  [["--students", "-5"], /--students <n>' argument '-5' is invalid\. expected an integer ≥ 1/],
  [["--students", "0"], /--students <n>' argument '0' is invalid/],
  [["--students", "2.5"], /--students <n>' argument '2\.5' is invalid/],
  [["--students", "abc"], /--students <n>' argument 'abc' is invalid/],
  [["--students", ""], /--students <n>' argument '' is invalid/],
  [["--faults", "2"], /--faults <rate>' argument '2' is invalid\. expected a number from 0 to 1/],
  [["--faults", "-0.1"], /--faults <rate>' argument '-0\.1' is invalid/],
  [["--faults", "NaN"], /--faults <rate>' argument 'NaN' is invalid/],
  [["--sessions", "0-0"], /--sessions <min-max>' argument '0-0' is invalid\. expected MIN-MAX with 1 ≤ MIN ≤ MAX/],
  [["--sessions", "5-1"], /--sessions <min-max>' argument '5-1' is invalid/],
  [["--sessions", "1-x"], /--sessions <min-max>' argument '1-x' is invalid/],
  [["--sessions", "-3"], /--sessions <min-max>' argument '-3' is invalid/],
  [["--seed", "1.5"], /--seed <s>' argument '1\.5' is invalid\. expected an integer/],
  [["--seed", "1e400"], /--seed <s>' argument '1e400' is invalid/],
  [["--start", "garbage"], /--start <iso>' argument 'garbage' is invalid\. expected an ISO 8601 date-time/],
  [["--start", "2025-13-01T00:00:00"], /--start <iso>' argument '2025-13-01T00:00:00' is invalid/],
  [["--workers", "-1"], /--workers <n>' argument '-1' is invalid\. expected an integer ≥ 0/],
  [["--scenario", "nope"], /--scenario <name>' argument 'nope' is invalid/],
];

test("every bad generate argument: one line naming the option, exit 2, the existing file untouched even with --force", () => {
  const dir = tempDir();
  const out = join(dir, "g.log");
  writeFileSync(out, "keep me\n");
  for (const [args, message] of BAD) {
    const r = cli(["generate", "--out", out, "--force", ...args]);
    assert.equal(r.status, 2, args.join(" "));
    assert.equal(r.stderr.split("\n").filter(Boolean).length, 1, `${args.join(" ")}: ${r.stderr}`);
    assert.match(r.stderr, /^metrics-kit: option '/, args.join(" "));
    assert.match(r.stderr, message, args.join(" "));
    assert.equal(r.stdout, "");
  }
  assert.equal(readFileSync(out, "utf8"), "keep me\n");
  assert.deepEqual(readdirSync(dir), ["g.log"]);
});

test("good values of the same options are accepted: one session count, an offset start, a negative seed, rate 1", () => {
  const dir = tempDir();
  const a = cli(["generate", "--out", "-", "--students", "3", "--sessions", "2", "--start", "2025-09-01T08:00:00+08:00", "--seed", "-7", "--workers", "0"]);
  assert.equal(a.status, 0, a.stderr);
  // The same instant in UTC: the same log.
  const utc = cli(["generate", "--out", "-", "--students", "3", "--sessions", "2-2", "--start", "2025-09-01T00:00:00", "--seed", "-7"]);
  assert.equal(utc.status, 0, utc.stderr);
  assert.equal(a.stdout, utc.stdout);
  assert.ok(a.stdout.length > 0);
  const t = join(dir, "t.json");
  const b = cli(["generate", "--out", join(dir, "f.log"), "--students", "3", "--sessions", "1-1", "--faults", "1", "--truth", t]);
  assert.equal(b.status, 0, b.stderr);
  const truth = JSON.parse(readFileSync(t, "utf8"));
  assert.deepEqual(truth.options.sessions, [1, 1]);
  assert.equal(truth.options.faults, 1);
  // At rate 1 every row is damaged, except the row an unknown-type line is put before (it follows intact).
  const unknown = truth.faults.filter((f: { kind: string }) => f.kind === "unknown_type").length;
  assert.equal(truth.counts.session_report + truth.counts.media_report, unknown);
  assert.equal(truth.faults.length + unknown, truth.counts.lines);
});

test("unknown options, missing values and --truth equal to --out: one line, exit 2", () => {
  const dir = tempDir();
  for (const args of [["generate", "--out", "-", "--bogus"], ["generate", "--out", "-", "--students"], ["generate"], ["report", "--out"], ["generate", "--out", join(dir, "x.log"), "--truth", join(dir, "x.log")]]) {
    const r = cli(args);
    assert.equal(r.status, 2, args.join(" "));
    assert.equal(r.stderr.split("\n").filter(Boolean).length, 1, `${args.join(" ")}: ${r.stderr}`);
    assert.match(r.stderr, /^metrics-kit: /);
  }
  assert.deepEqual(readdirSync(dir), []);
});
