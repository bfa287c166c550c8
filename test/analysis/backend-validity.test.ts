import { test } from "node:test";
import assert from "node:assert/strict";
import { loadTables, analyze, analysisJson, plainAnswers, defaultRules, dimensionColumn, DIMENSION_NAMES, type Analysis, type MetricsTables } from "../../src/index";
import { scoreLattice } from "../../src/rules/score-lattice";
import { writeTemp } from "../helpers";
import { backendLog, COIN, NULL_FEATURES, type BackendLog } from "./backend-log";

const STAR = DIMENSION_NAMES.star, CLARITY = DIMENSION_NAMES.clarity, REFLECTION = DIMENSION_NAMES.reflection;
const SEEDS = [1, 2];
const runs = new Map<number, Promise<{ log: BackendLog; t: MetricsTables; a: Analysis }>>();

/** The backend-scored log of a seed (300 students, 3–6 sessions each), loaded and analysed once per test file. */
function run(seed: number) {
  if (!runs.has(seed)) {
    runs.set(seed, (async () => {
      const log = backendLog({ students: 300, seed });
      const t = await loadTables(writeTemp(`backend-${seed}.log`, log.lines.join("")));
      return { log, t, a: analyze(t, { links: { resamples: 200 } }) };
    })());
  }
  return runs.get(seed)!;
}

test("verdicts and flags on a log scored like the backend: the coin is arbitrary, clarity is not, STAR's length confound is flagged", async () => {
  for (const seed of SEEDS) {
    const { a } = await run(seed);
    const q = a.quality.dimensions;
    const why = (d: string) => `seed ${seed} ${d}: ${q[d].verdict} [${q[d].flags}] ${q[d].reasons.join("; ")}`;
    assert.equal(q[COIN].verdict, "arbitrary", why(COIN));
    assert.deepEqual(q[COIN].flags, ["unreliable", "unsupported"], why(COIN));
    assert.ok(q[COIN].reasons.some((r) => r.startsWith("unstable for the same student")) && q[COIN].reasons.some((r) => r.startsWith("tracks nothing observable")), why(COIN));
    // clarity tracks fillers and eye contact and grows with practice: supported by the media, so never arbitrary
    assert.notEqual(q[CLARITY].verdict, "arbitrary", why(CLARITY));
    assert.equal(q[CLARITY].supported, true, why(CLARITY));
    const support = q[CLARITY].evidence.filter((e) => e.supports).map((e) => e.feature);
    assert.ok(support.includes("audio.filler_word_ratio") && support.includes("video.eye_contact_score"), `${support}`);
    assert.ok(!q[CLARITY].evidence.some((e) => e.feature === "diagnostics.filler_ratio"), "clarity's own inputs are no evidence for it");
    // STAR: every word has the same chance of being a keyword, so coverage rises with the amount said
    assert.ok(q[STAR].flags.includes("length_driven") && q[STAR].length_r! > 0.5 && q[STAR].answers_r! > 0.5, why(STAR));
    assert.ok(q[STAR].reasons.some((r) => r.startsWith(`rises with the amount said: ρ = ${q[STAR].length_r!.toFixed(2)} with total_words`)), why(STAR));
    assert.ok(q[STAR].flags.includes("unsupported") && Math.abs(q[STAR].partial_item_rest_r!) < 0.2, why(STAR));
    for (const d of [REFLECTION, COIN]) assert.ok(!q[d].flags.includes("length_driven") && Math.abs(q[d].length_r!) < 0.15, why(d));
    // reflection is a stable trait (no growth): reliable on the growth-corrected ICC
    assert.ok(q[REFLECTION].retest_icc! > 0.6 && q[REFLECTION].verdict !== "arbitrary", why(REFLECTION));
  }
});

test("unreachable tags come from the rules: clarity can never get a risk tag or a task", async () => {
  const { a, t } = await run(1);
  assert.deepEqual(a.unreachable_tags.map((u) => `${u.dimension} ${u.tag}`), [`${CLARITY} risk`, `${CLARITY} task`]);
  assert.match(a.unreachable_tags[0].reason, /lowest possible score is 70\b.*50/);
  // and indeed the log has none, while the other dimensions do get risk tags
  const risks = (t.sessions.array("risk_tags") as (string[] | null)[]).flat();
  assert.equal(risks.filter((r) => r === CLARITY).length, 0);
  assert.ok(risks.filter((r) => r === STAR).length > 0);
  // the scores of the log fall on the lattice scoreLattice computes from the rules
  const lattice = scoreLattice(defaultRules());
  for (const d of [STAR, CLARITY, REFLECTION]) {
    const allowed = new Set(lattice.get(d));
    const scores = Array.from(t.sessions.array(dimensionColumn(d)) as ArrayLike<number>);
    assert.ok(scores.length > 1000 && scores.every((s) => allowed.has(s)), `${d}: ${scores.filter((s) => !allowed.has(s)).slice(0, 5)}`);
  }
});

test("per-student improvers on clarity: precision ≥ 0.9 and recall ≥ 0.7 of the planted improvers, over two seeds", async () => {
  for (const seed of SEEDS) {
    const { a, log } = await run(seed);
    const found = a.progress.by_student.filter((s) => s.improved.includes(CLARITY)).map((s) => s.user_id);
    const hits = found.filter((u) => log.improvers.has(u)).length;
    const precision = hits / found.length, recall = hits / log.improvers.size;
    // measured: seed 1 precision 63/65 = 0.97, recall 63/83 = 0.76; seed 2 68/70 = 0.97, 68/87 = 0.78
    assert.ok(precision >= 0.9 && recall >= 0.7, `seed ${seed}: precision ${hits}/${found.length}, recall ${hits}/${log.improvers.size}`);
    for (const s of a.progress.by_student) {
      assert.ok(s.sessions >= 3);
      for (const d of s.improved) assert.ok(s.changes[d].rci! > 1.96 && s.changes[d].last > s.changes[d].first);
    }
    assert.equal(a.progress.by_student.length, a.progress.students);
    assert.equal(a.progress.by_student.filter((s) => s.improved.includes(COIN)).length <= 0.05 * a.progress.students, true);
    assert.equal(a.progress.dimensions[CLARITY].improved, true);
  }
});

test("links of features planted with no link are significant (BH q < 0.05) in at most 5% of tests over the seeds", async () => {
  let nulls = 0, discoveries = 0;
  for (const seed of SEEDS) {
    const { a } = await run(seed);
    const n = a.links.filter((l) => NULL_FEATURES.includes(l.feature));
    nulls += n.length;
    discoveries += n.filter((l) => l.significant).length;
    for (const l of a.links) assert.equal(l.significant, l.q < 0.05);
  }
  assert.ok(nulls >= 200, `${nulls} null links`);
  assert.ok(discoveries / nulls <= 0.05, `${discoveries} of ${nulls} null links significant`);
});

test("plain answers and the JSON carry the findings with their numbers", async () => {
  const { a } = await run(1);
  const p = plainAnswers(a, defaultRules());
  assert.match(p.quality, new RegExp(`Arbitrary[^.]*: ${COIN} \\(retest ICC -?0\\.\\d\\d`));
  assert.match(p.quality, new RegExp(`length rule[^:]*: ${STAR.replace(/[()（）]/g, ".")} \\(ρ = 0\\.\\d\\d with total_words\\)`));
  assert.match(p.quality, /Never fires by construction: the risk tag of 表达清晰度/);
  const improved = a.progress.dimensions[CLARITY].improved_students;
  assert.match(p.progress, new RegExp(`${CLARITY}: ${improved} improved beyond measurement error`));
  assert.match(p.features, /表达清晰度: audio\.filler_word_ratio \(ρ = -0\.\d\d/);
  assert.match(p.features, /today's cut-offs 0\.02 \/ 0\.05/);
  const json = JSON.parse(JSON.stringify(analysisJson(a)));
  assert.deepEqual(json.dimensions[COIN].flags, ["unreliable", "unsupported"]);
  assert.equal(typeof json.dimensions[STAR].length_r, "number");
  assert.equal(json.progress.students.length, json.progress.student_count);
  assert.deepEqual(Object.keys(json.progress.students[0]), ["user_id", "sessions", "improved", "changes"]);
  assert.deepEqual(Object.keys(json.progress.students[0].changes[CLARITY]), ["first", "last", "slope", "rci"]);
  assert.equal(json.unreachable_tags.length, 2);
  assert.deepEqual(Object.keys(json.plain_answers), ["quality", "features", "progress"]);
  assert.ok(json.feature_links.every((l: { q: number | null }) => l.q === null || (l.q >= 0 && l.q <= 1)));
});
