import { test } from "node:test";
import assert from "node:assert/strict";
import { generateLog, loadTables, analyze, scoringInput, defaultRules, truthCheck, nullLinks, Truth, tagOutcome, scoreSessions, type LinkFeature } from "../../src/index";
import { writeTemp } from "../helpers";

async function strongMedia(seed: number) {
  const gen = generateLog({ scenario: "strong-media", students: 300, sessions: [3, 6], seed });
  const t = await loadTables(writeTemp(`strong-${seed}.log`, [...gen.lines].join("")));
  return { t, truth: Truth.parse(gen.truth()) };
}

test("truthCheck recovers everything planted in strong-media, and flags a wrong verdict, wrong flags and wrong unreachable tags", async () => {
  const { t, truth } = await strongMedia(6);
  const analysis = analyze(t, { links: { resamples: 300 } });
  const rules = defaultRules();
  const input = scoringInput(t.joined, t.dimensions, rules);
  const checks = truthCheck(truth, analysis, input, rules);
  // seed 6 has one chance link of a null feature, on 2 of its 6 targets: one feature of 4, within the bound
  assert.deepEqual(checks.filter((c) => !c.recovered), []);
  const kinds = checks.map((c) => c.check.split(" ")[0]);
  for (const k of ["verdict", "link", "features", "threshold"]) assert.ok(kinds.includes(k), `no ${k} check`);
  // a planted verdict the analysis did not give is reported as not recovered
  const dim = Object.keys(truth.dimensions)[0];
  const wrong = { ...truth, dimensions: { ...truth.dimensions, [dim]: { ...truth.dimensions[dim], expected_verdict: "arbitrary" as const } } };
  assert.equal(truthCheck(wrong, analysis).find((c) => c.check === `verdict of ${dim}`)!.recovered, false);
  // planted flags (a truth file may or may not carry them) are checked one by one
  const has = (f: string) => analysis.quality.dimensions[dim].flags.some((x) => x === f);
  const flagged = { ...truth, dimensions: { ...truth.dimensions, [dim]: { ...truth.dimensions[dim], expected_flags: { concentrated: has("concentrated"), unreliable: !has("unreliable"), length_driven: has("length_driven"), unsupported: has("unsupported") } } } };
  const flagChecks = truthCheck(flagged, analysis).filter((c) => c.check.startsWith("flag ") && c.check.endsWith(` of ${dim}`));
  assert.deepEqual(flagChecks.map((c) => [c.check, c.recovered]), [
    [`flag concentrated of ${dim}`, true], [`flag unreliable of ${dim}`, false], [`flag length_driven of ${dim}`, true], [`flag unsupported of ${dim}`, true],
  ]);
  const tags = { ...truth, unreachable_tags: [{ dimension: "表达清晰度", tag: "risk" as const, reason: "" }] };
  const tagCheck = truthCheck(tags, analysis).find((c) => c.check === "unreachable tags")!;
  assert.equal(tagCheck.recovered, false, tagCheck.found);
  assert.equal(tagCheck.found, "表达清晰度 risk; 表达清晰度 task");
});

test("links of the features planted with no link: significant (BH q < 0.05) in at most 5% of them over four seeds", async () => {
  let nulls = 0, discoveries = 0;
  for (const seed of [6, 7, 8, 9]) {
    const { t, truth } = await strongMedia(seed);
    const links = nullLinks(truth, analyze(t, { links: { resamples: 0 } }).links);
    nulls += links.length;
    discoveries += links.filter((l) => l.significant).length;
  }
  assert.ok(nulls >= 80, `${nulls} null links`);
  assert.ok(discoveries <= 0.05 * nulls, `${discoveries} of ${nulls} null links significant`);
});

test("features planted with no link are counted per feature: one chance association on several targets is one feature", async () => {
  const gen = generateLog({ scenario: "baseline", students: 40, seed: 3 });
  const t = await loadTables(writeTemp("null-features.log", [...gen.lines].join("")));
  const analysis = analyze(t, { links: { resamples: 0 } });
  const base = Truth.parse(gen.truth());
  const F = ["audio.pitch_variance", "video.smile_ratio", "video.posture_score", "video.head_movement_score"] as const;
  const truth = { ...base, dimensions: {}, features: {}, improvers: {}, planted_threshold: null, null_features: [...F] };
  const link = (feature: LinkFeature, target: string, significant: boolean) => ({ ...analysis.links[0], feature, target, significant, q: significant ? 0.01 : 0.5 });
  const targets = ["d1", "risk:d1", "overall"];
  // the first feature's chance link to d1 comes with its risk tag and the overall score: 3 of 12 tests, but 1 of 4 features
  const one = F.flatMap((f) => targets.map((x) => link(f, x, f === F[0])));
  const check = (links: ReturnType<typeof link>[], options = {}) => truthCheck(truth, { ...analysis, links }, undefined, undefined, options).find((c) => c.check === "features planted with no link")!;
  assert.deepEqual(check(one), { check: "features planted with no link", planted: "≤ 1 of 4 with a significant link (q < 0.05)", found: "1 of 4: audio.pitch_variance (3 of 3 links)", recovered: true });
  // two null features with a link each fail, however few of the tests that is
  const two = F.flatMap((f) => targets.map((x) => link(f, x, (f === F[0] || f === F[1]) && x === "d1")));
  assert.deepEqual(check(two), { check: "features planted with no link", planted: "≤ 1 of 4 with a significant link (q < 0.05)", found: "2 of 4: audio.pitch_variance (1 of 3 links), video.smile_ratio (1 of 3 links)", recovered: false });
  assert.equal(check(two, { maxFalseFeatures: 2 }).recovered, true);
  assert.equal(check(one.map((l) => ({ ...l, significant: false }))).found, "0 of 4");
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
