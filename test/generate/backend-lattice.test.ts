import { test } from "node:test";
import assert from "node:assert/strict";
import { countAnswers, generateLog, scenario, scoreAnswers, scoreCounts, scoreLattice, unreachableTags, GenerateOptions, ScenarioName } from "../../src/index";
import { createRng } from "../../src/generate/rng";
import { newStudent, abilityAt } from "../../src/generate/students";
import { simulateAnswers } from "../../src/generate/answers";
import { renderAnswers } from "../../src/generate/answer-text";

// Every STAR value the backend can write, from its own arithmetic in Python 3:
// {round(((i/4 + j/3 + k/5 + l/4) / 4.0) * 100.0, 1) for i ≤ 4, j ≤ 3, k ≤ 5, l ≤ 4} (0 when all are 0): 167 values.
const STAR = [0, 5, 6.2, 8.3, 10, 11.2, 12.5, 13.3, 14.6, 15, 16.2, 16.7, 17.5, 18.3, 18.8, 19.6, 20, 20.8, 21.2, 21.7, 22.5, 22.9, 23.3, 23.8, 24.6, 25, 25.8, 26.2, 26.7, 27.1, 27.5, 27.9, 28.3, 28.7, 29.2, 29.6, 30, 30.8, 31.2, 31.7, 32.1, 32.5, 32.9, 33.3, 33.8, 34.2, 34.6, 35, 35.4, 35.8, 36.2, 36.7, 37.1, 37.5, 37.9, 38.3, 38.8, 39.2, 39.6, 40, 40.4, 40.8, 41.2, 41.7, 42.1, 42.5, 42.9, 43.3, 43.8, 44.2, 44.6, 45, 45.4, 45.8, 46.2, 46.7, 47.1, 47.5, 47.9, 48.3, 48.8, 49.2, 49.6, 50, 50.4, 50.8, 51.2, 51.7, 52.1, 52.5, 52.9, 53.3, 53.8, 54.2, 54.6, 55, 55.4, 55.8, 56.2, 56.7, 57.1, 57.5, 57.9, 58.3, 58.8, 59.2, 59.6, 60, 60.4, 60.8, 61.3, 61.7, 62.1, 62.5, 62.9, 63.3, 63.7, 64.2, 64.6, 65, 65.4, 65.8, 66.2, 66.7, 67.1, 67.5, 67.9, 68.3, 68.8, 69.2, 70, 70.4, 70.8, 71.2, 71.7, 72.1, 72.5, 72.9, 73.3, 73.8, 74.2, 75, 75.4, 76.2, 76.7, 77.1, 77.5, 78.3, 78.8, 79.2, 80, 80.4, 81.2, 81.7, 82.5, 83.3, 83.8, 85, 85.4, 86.7, 87.5, 88.8, 90, 91.7, 93.8, 95, 100];
// {round(k / 6 * 100.0, 1) for k ≤ 6} and the clarity values 100 − {0, 8, 15} − {0, 8, 15}.
const REFLECTION = [0, 16.7, 33.3, 50, 66.7, 83.3, 100];
const CLARITY = [70, 77, 84, 85, 92, 100];
const LATTICE: Record<string, number[]> = { "结构化表达（STAR）": STAR, "表达清晰度": CLARITY, "反思与成长意识": REFLECTION };

test("the score lattice is the backend's: 167 STAR values, 6 clarity values, 7 reflection values; clarity's risk and task are unreachable", () => {
  assert.deepEqual(Object.fromEntries(scoreLattice()), LATTICE);
  assert.deepEqual(unreachableTags().map((t) => [t.dimension, t.tag]), [["表达清晰度", "risk"], ["表达清晰度", "task"]]);
});

test("simulated answers written out as text score, through the transcription, exactly as the generator scored them", () => {
  let checked = 0;
  for (const name of ScenarioName.options) {
    const params = scenario(name);
    const options = GenerateOptions.parse({ scenario: name });
    const rng = createRng(11);
    for (let i = 0; i < 150; i++) {
      const student = newStudent(rng, params, options, `u_${i}`);
      const sim = simulateAnswers(rng, student, abilityAt(student, rng.int(0, 5)), params);
      const texts = renderAnswers(sim, student.chinese ? "zh" : "en");
      const { said_words: _, ...counts } = sim;
      assert.deepEqual(countAnswers(texts), counts);
      const fromText = scoreAnswers(texts);
      assert.deepEqual(fromText, scoreCounts(sim));
      fromText.dimensions!.forEach((d) => assert.ok(LATTICE[d.name].includes(d.score), `${name}: ${d.name} = ${d.score} is off the lattice`));
      checked++;
    }
  }
  assert.equal(checked, 150 * ScenarioName.options.length);
});

test("every score the generator logs lies on the backend's lattice, and the diagnostics are consistent with it", () => {
  for (const name of ScenarioName.options) {
    const lines = [...generateLog({ scenario: name, students: 60, seed: 3 }).lines];
    let sessions = 0;
    for (const line of lines) {
      const row = JSON.parse(line.replace(/\b(NaN|Infinity)\b/g, "null"));
      if (row.type !== "session_report" || !row.evaluation.dimensions) continue;
      sessions++;
      for (const d of row.evaluation.dimensions) assert.ok(LATTICE[d.name].includes(d.score), `${name}: ${d.name} = ${d.score}`);
      const g = row.diagnostics;
      assert.ok(Number.isInteger(g.total_words) && g.total_words > 0);
      const answers = g.total_words / g.avg_answer_len;
      assert.ok(Math.abs(answers - Math.round(answers)) < 1e-9 && answers >= scenario(name).answers[0] && answers <= scenario(name).answers[1], `${answers} answers`);
      assert.equal(g.reflection_score, row.evaluation.dimensions[2].score);
      const fillers = g.filler_ratio * g.total_words; // a whole number of filler hits
      assert.ok(Math.abs(fillers - Math.round(fillers)) < 1e-6, `${fillers} fillers`);
    }
    assert.ok(sessions > 100, `${name}: ${sessions} sessions`);
  }
});
