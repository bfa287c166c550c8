import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { cli, tempDir } from "../helpers";
import { HOSTILE_NAMES, hostileNamesLog } from "../dataset/hostile-names-log";

/**
 * What must never reach a terminal raw: C0 controls but the newline, DEL, C1 controls, the line and paragraph
 * separators, and the bidi marks, embeddings, overrides and isolates.
 */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** The hostile log under a file name that holds an escape sequence and a C1 control. */
function hostileFile(): string {
  const file = join(tempDir(), "evil\u001b[31mname\u009b.log");
  copyFileSync(hostileNamesLog(), file);
  return file;
}

test("analyze, replay and report print names, ids and file names from the log with their controls escaped; --json keeps them", () => {
  const log = hostileFile();
  const analyzed = cli(["analyze", log]);
  assert.equal(analyzed.status, 0, analyzed.stderr);
  assert.doesNotMatch(analyzed.stdout, RAW_CONTROL);
  // every dimension is listed, under its escaped name, in the quality lines and in the plain answers
  assert.ok(analyzed.stdout.includes("  esc\\x1b[31mred\\x1b[0m\\x0d\\x08back\\x9b2Jc1\\x07: "), analyzed.stdout);
  assert.ok(analyzed.stdout.includes("rtl \\u202edesrever\\u202c then \\u202eopen"));
  assert.ok(analyzed.stdout.includes("iso \\u2067אב lated\\u2069 \\u200fmark\\u200e lre\\u202a: "), "bidi marks escaped too");
  assert.match(analyzed.stdout, /3\. Who improved, on what\? .*esc\\x1b\[31m/);

  const json = JSON.parse(cli(["analyze", log, "--json"]).stdout) as { dimensions: Record<string, unknown> };
  assert.deepEqual(Object.keys(json.dimensions).sort(), [...HOSTILE_NAMES].sort(), "the JSON holds the names as they are");

  const replayed = cli(["replay", log]);
  assert.equal(replayed.status, 0, replayed.stderr);
  assert.doesNotMatch(replayed.stdout, RAW_CONTROL);
  assert.match(replayed.stdout, /e\.g\. s0\\x1b\[1m_0, /);

  const out = join(tempDir(), "r\u001b[2Jeport.html");
  const reported = cli(["report", log, "--out", out]);
  assert.equal(reported.status, 0, reported.stderr);
  assert.doesNotMatch(reported.stdout, RAW_CONTROL);
  assert.ok(reported.stdout.startsWith(`${out.replace("\u001b", "\\x1b")} (`), reported.stdout);
  assert.ok(reported.stdout.includes("esc\\x1b[31mred\\x1b[0m\\x0d\\x08back\\x9b2Jc1\\x07 ok"), reported.stdout);
  // --out -: the HTML goes to stdout, the summary line to stderr, escaped as well
  const piped = cli(["report", log, "--out", "-"]);
  assert.doesNotMatch(piped.stderr, RAW_CONTROL);
  assert.match(piped.stderr, /^- \(\d/);

  // the one error line names the file escaped
  const missing = cli(["analyze", `${log}.gone`]);
  assert.equal(missing.status, 2);
  assert.doesNotMatch(missing.stderr, RAW_CONTROL);
  assert.match(missing.stderr, /evil\\x1b\[31mname\\x9b\.log\.gone/);
});
