import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cli, tempDir } from "../helpers";

const root = join(__dirname, "..", "..");
const sample = join(root, "data", "sample", "metrics.log");

test("analyze --json has the documented shape on the sample", () => {
  const r = cli(["analyze", sample, "--json"]);
  assert.equal(r.status, 0, r.stderr);
  const a = JSON.parse(r.stdout);
  for (const d of Object.values(a.dimensions) as { verdict: string; reasons: string[]; n: number }[]) {
    assert.ok(["ok", "concentrated", "arbitrary"].includes(d.verdict));
    assert.ok(Array.isArray(d.reasons) && d.n > 0);
  }
  assert.equal(typeof a.cronbach_alpha, "number");
  assert.ok(a.feature_links.some((l: { feature: string; target: string }) => l.feature === "audio.filler_word_ratio" && l.target === "表达清晰度"));
  assert.ok(a.feature_links.every((l: { ci95: number[]; significant: boolean }) => l.ci95.length === 2 && typeof l.significant === "boolean"));
  assert.ok(a.progress.students.length > 0 && a.progress.student_count === a.progress.students.length);
  for (const d of Object.values(a.dimensions) as { flags: string[]; retest_icc: number | null; length_r: number | null }[]) {
    assert.ok(Array.isArray(d.flags) && "retest_icc" in d && "length_r" in d);
  }
  assert.ok(a.feature_links.every((l: { q: number | null; significant: boolean }) => l.significant === (l.q !== null && l.q < 0.05)));
  assert.deepEqual(a.unreachable_tags.map((u: { tag: string }) => u.tag), ["risk", "task"]);
  assert.deepEqual(Object.keys(a.plain_answers), ["quality", "features", "progress"]);
  const text = cli(["analyze", sample]);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /In plain words:\n1\. Which dimensions discriminate[^\n]*\n2\. [^\n]*\n3\. Who improved, on what\? \d+ students have at least 3 sessions/);
});

test("rules --print round-trips through replay --rules; a changed rule changes sessions; a bad rules file exits 2", () => {
  const dir = tempDir();
  const printed = cli(["rules", "--print"]);
  assert.equal(printed.status, 0);
  const rules = JSON.parse(printed.stdout);
  assert.equal(rules.clarity.length.high, 220);
  writeFileSync(join(dir, "today.json"), printed.stdout);
  const same = JSON.parse(cli(["replay", sample, "--rules", join(dir, "today.json"), "--json"]).stdout);
  assert.deepEqual(same.changed, { scores: 0, strength_tags: 0, risk_tags: 0, tasks: 0 });
  rules.tags.strengthAtLeast = 90;
  writeFileSync(join(dir, "tuned.json"), JSON.stringify(rules));
  const tuned = JSON.parse(cli(["replay", sample, "--rules", join(dir, "tuned.json"), "--json"]).stdout);
  assert.ok(tuned.changed.strength_tags > 0);
  assert.ok(tuned.agreement.strength_tags < 1);
  writeFileSync(join(dir, "bad.json"), JSON.stringify({ tags: { strengthAtLeast: "high" } }));
  const bad = cli(["replay", sample, "--rules", join(dir, "bad.json")]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /invalid rules .*bad\.json: tags\.strengthAtLeast: Invalid input: expected number/);
  // A misspelt key is an error naming the nearest known key, for replay and for report (exit 2, one line).
  writeFileSync(join(dir, "typo.json"), JSON.stringify({ tags: { riskAtmost: 40 } }));
  const typo = cli(["replay", sample, "--rules", join(dir, "typo.json")]);
  assert.equal(typo.status, 2);
  assert.equal(typo.stderr, `metrics-kit: invalid rules ${join(dir, "typo.json")}: tags.riskAtmost: unknown key; did you mean tags.riskAtMost?\n`);
  const report = cli(["report", sample, "--out", join(dir, "r.html"), "--rules", join(dir, "typo.json")]);
  assert.equal(report.status, 2);
  assert.match(report.stderr, /did you mean tags\.riskAtMost\?/);
  const out = join(dir, "rules.json");
  writeFileSync(out, "keep");
  assert.equal(cli(["rules", "--out", out]).status, 2);
  assert.equal(readFileSync(out, "utf8"), "keep");
});
