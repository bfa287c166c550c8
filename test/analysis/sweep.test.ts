import { test } from "node:test";
import assert from "node:assert/strict";
import { defaultRules, loadTables, parseRules, sampleLogPath, scoringInput, setThreshold, suggestThreshold, suggestionRows, sweep, sweepFigure, THRESHOLDS, withThresholds, findThreshold } from "../../src/index";

async function sampleInput() {
  const t = await loadTables(sampleLogPath(), { cache: false });
  return scoringInput(t.joined, t.dimensions, defaultRules());
}

test("a sweep spans only values the rules accept with the other thresholds held, never past the one it is ordered with", async () => {
  const input = await sampleInput();
  const today = defaultRules();
  const mid = sweep(input, today, "clarity.filler.mid");
  assert.equal(mid.length, 41);
  assert.deepEqual([mid[0].value, mid[40].value], [0, 0.045]);
  assert.deepEqual([sweep(input, today, "clarity.length.mid").at(-1)!.value, sweep(input, today, "clarity.length.high")[0].value], [215, 155]);
  assert.deepEqual([sweep(input, today, "tags.strengthAtLeast")[0].value, sweep(input, today, "tags.riskAtMost").at(-1)!.value], [51, 74]);
  assert.equal(sweep(input, today, "tasks.below")[0].value, 1);
  // every point of every default sweep, on today's rules and on tuned ones, is a config parseRules accepts
  const tuned = withThresholds(today, { "clarity.filler.mid": 0.03, "tags.strengthAtLeast": 80, "media.audio.pause_ratio.min": 0.2 });
  for (const rules of [today, tuned]) {
    for (const path of [...THRESHOLDS.map((t) => t.path), "media.audio.pause_ratio.max"]) {
      for (const p of sweep(input, rules, path)) parseRules(setThreshold(rules, path, p.value));
    }
  }
  assert.equal(sweep(input, tuned, "media.audio.pause_ratio.max")[0].value, 0.2, "a ceiling's sweep starts at its floor");
});

test("a sweep asked for a value past another threshold throws with the rules' line; a suggestion past one says so in conflict", async () => {
  const input = await sampleInput();
  const today = defaultRules();
  assert.throws(() => sweep(input, today, "clarity.filler.mid", [0.01, 0.06]), {
    message: "sweep of clarity.filler.mid at 0.06: clarity.filler.mid 0.06 is above clarity.filler.high 0.05: the mid deduction could never apply",
  });
  assert.equal(sweep(input, today, "clarity.filler.mid", [0.01, 0.049]).length, 2);
  // in the sample, flagging 80% of sessions puts the mid threshold below today's high, flagging 20% above it
  const ok = suggestThreshold(input, today, "clarity.filler.mid", { method: "quantile", share: 0.8 });
  assert.ok(ok.value < 0.05 && ok.conflict === undefined, JSON.stringify(ok));
  const past = suggestThreshold(input, today, "clarity.filler.mid", { method: "quantile", share: 0.2 });
  assert.ok(past.value >= 0.05, `${past.value}`);
  assert.equal(past.conflict, `clarity.filler.mid ${past.value} is above clarity.filler.high 0.05: the mid deduction could never apply`);
  assert.deepEqual(suggestionRows([ok, past]).map((r) => r.conflict), [null, past.conflict]);
});

test("a sweep says what each share is over: flagged of the sessions with a value, tag rates of all sessions; the figure names both", async () => {
  const input = await sampleInput();
  const rules = withThresholds(defaultRules(), { "media.audio.pause_ratio.max": 0.3 });
  const path = "media.audio.pause_ratio.max";
  const points = sweep(input, rules, path);
  const xs = findThreshold(path).values(input, rules);
  const present = xs.filter(Number.isFinite).length;
  assert.ok(present < input.session_id.length, "the sample has sessions without media");
  for (const p of points) {
    assert.deepEqual([p.with_value, p.sessions], [present, input.session_id.length]);
    assert.equal(p.flagged_share, xs.filter((x) => Number.isFinite(x) && x > p.value).length / present);
  }
  const f = sweepFigure(points, path, 0.3);
  const axis = (fig: ReturnType<typeof sweepFigure>) => (fig.layout.yaxis as { title: { text: string } }).title.text;
  assert.equal(axis(f), `share: flagged of ${present} sessions with a value, tags of all ${input.session_id.length}`);
  assert.equal(f.data[0].name, `flagged (of ${present} sessions with a value)`);
  const readout = (f.layout.annotations as { text: string }[])[0].text;
  assert.match(readout, new RegExp(`flags [\\d.]+% of ${present} with a value<br>tag rates of all ${input.session_id.length} sessions:`));
  // where every session has a value, one denominator
  assert.equal(axis(sweepFigure(points.map((p) => ({ ...p, with_value: p.sessions })), path, 0.3)), `share of the ${input.session_id.length} sessions`);
});
