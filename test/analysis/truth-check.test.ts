import { test } from "node:test";
import assert from "node:assert/strict";
import { generateLog, loadTables, analyze, scoringInput, defaultRules, truthCheck, Truth, tagOutcome, scoreSessions } from "../../src/index";
import { writeTemp } from "../helpers";

test("truthCheck recovers everything planted in strong-media, and flags a wrong verdict", async () => {
  const gen = generateLog({ scenario: "strong-media", students: 300, sessions: [3, 6], seed: 6 });
  const t = await loadTables(writeTemp("strong.log", [...gen.lines].join("")));
  const truth = Truth.parse(gen.truth());
  const analysis = analyze(t, { links: { resamples: 300 } });
  const rules = defaultRules();
  const input = scoringInput(t.joined, t.dimensions, rules);
  const checks = truthCheck(truth, analysis, input, rules);
  assert.deepEqual(checks.filter((c) => !c.recovered), []);
  const kinds = checks.map((c) => c.check.split(" ")[0]);
  for (const k of ["verdict", "link", "features", "threshold"]) assert.ok(kinds.includes(k), `no ${k} check`);
  // a planted verdict the analysis did not give is reported as not recovered
  const dim = Object.keys(truth.dimensions)[0];
  const wrong = { ...truth, dimensions: { ...truth.dimensions, [dim]: { ...truth.dimensions[dim], expected_verdict: "arbitrary" as const } } };
  assert.equal(truthCheck(wrong, analysis).find((c) => c.check === `verdict of ${dim}`)!.recovered, false);
});

test("tagOutcome reads a logged tag as 0/1 (NaN without scores) and names what it expects", async () => {
  const gen = generateLog({ scenario: "baseline", students: 40, seed: 3 });
  const t = await loadTables(writeTemp("b.log", [...gen.lines].join("")));
  const input = scoringInput(t.joined, t.dimensions, defaultRules());
  const risk = tagOutcome(input, `risk:${t.dimensions[0]}`);
  const risks = t.joined.array("risk_tags") as (string[] | null)[];
  risks.forEach((r, i) => {
    if (Number.isFinite(risk[i])) assert.equal(risk[i], r?.includes(t.dimensions[0]) ? 1 : 0);
  });
  // read from a scoring's masks: today's rules give back the logged tags
  assert.deepEqual(tagOutcome(input, `risk:${t.dimensions[0]}`, scoreSessions(input, defaultRules())), risk);
  assert.throws(() => tagOutcome(input, "risk:nope"), /unknown outcome "risk:nope"/);
  assert.throws(() => tagOutcome(input, "danger:x"), /risk:<dimension> or strength:<dimension>/);
});
