import { test } from "node:test";
import assert from "node:assert/strict";
import { countAnswers, pyCount, pyWordCount, scoreAnswers, scoreCounts, starScore, reflectionScore } from "../../src/index";

// Expected values computed by the backend's own arithmetic in Python 3 (str.split, str.count, `in` on
// str.lower(), round(x, 1)) on the same answers.
const score = (answers: string[]) => {
  const s = scoreAnswers(answers);
  return { star: s.dimensions?.[0].score ?? null, clarity: s.dimensions?.[1].score ?? null, reflection: s.diagnostics.reflection_score, overall: s.overall_score, ...s.diagnostics };
};

test("hand-worked sessions score as the backend's Python gives", () => {
  assert.deepEqual(score(["我负责这个项目，最终结果不错", "我学到 要先复盘"]), {
    star: 17.5, clarity: 100, reflection: 33.3, overall: 50.3, total_words: 3, avg_answer_len: 1.5, filler_ratio: 0, reflection_score: 33.3,
  });
  // "like" inside "likely" counts; "Um" is not "um"; "did" is an action keyword
  assert.deepEqual(score(["Um, I did it", "likely"]), {
    star: 5, clarity: 85, reflection: 0, overall: 30, total_words: 5, avg_answer_len: 2.5, filler_ratio: 0.2, reflection_score: 0,
  });
  // a keyword counts once however often it appears ("task" twice, "tasks" too)
  assert.deepEqual(score(["the task and the tasks"]).star, 8.3);
  assert.deepEqual(score(["I took action 然后 um uh you know like", "the result, the Impact, context"]), {
    star: 23.8, clarity: 85, reflection: 0, overall: 36.3, total_words: 14, avg_answer_len: 7, filler_ratio: 0.35714285714285715, reflection_score: 0,
  });
});

test("a session with only blank answers has no dimensions, zero diagnostics and the answers counted", () => {
  const s = scoreAnswers(["  ", ""]);
  assert.equal(s.dimensions, null);
  assert.equal(s.overall_score, null);
  assert.equal(s.strength_tags, null);
  assert.equal(s.tasks, null);
  assert.deepEqual(s.diagnostics, { total_words: 0, avg_answer_len: 0, filler_ratio: 0, reflection_score: 0 });
  assert.equal(countAnswers(["  ", ""]).answers, 2);
});

test("words are split on Python's whitespace, fillers counted as Python's str.count", () => {
  assert.equal(pyWordCount("a\x85b"), 2); // NEL is whitespace in Python, not in JavaScript's \s
  assert.equal(pyWordCount("a\ufeffb"), 1); // BOM is whitespace in JavaScript's \s, not in Python
  assert.equal(pyWordCount("  我负责 这个 task\u3000done "), 4);
  assert.equal(pyCount("likely unlike Like", "like"), 2);
  assert.equal(pyCount("嗯嗯嗯", "嗯"), 3);
  assert.equal(countAnswers(["you know, you know"]).filler_count, 2);
});

test("STAR, reflection, tags and tasks follow the backend's rules", () => {
  assert.equal(starScore([0, 0, 0, 0]), 0);
  assert.equal(starScore([4, 3, 5, 4]), 100);
  assert.equal(starScore([1, 1, 1, 1]), 25.8); // (1/4 + 1/3 + 1/5 + 1/4) / 4 × 100 = 25.83
  assert.equal(reflectionScore(1), 16.7);
  assert.equal(reflectionScore(5), 83.3);
  const s = scoreCounts({ answers: 4, total_words: 800, said: true, star_hits: [1, 1, 1, 1], reflection_hits: 5, filler_count: 50 });
  // avg 200 (> 150: −8), fillers 0.0625 (> 0.05: −15): clarity 77
  assert.deepEqual(s.dimensions!.map((d) => d.score), [25.8, 77, 83.3]);
  assert.equal(s.overall_score, 62); // (25.8 + 77 + 83.3) / 3 = 62.03
  assert.deepEqual(s.strength_tags, ["表达清晰度", "反思与成长意识"]);
  assert.deepEqual(s.risk_tags, ["结构化表达（STAR）"]);
  assert.deepEqual(s.tasks, [{ type: "practice_session", focus: "结构化表达（STAR）", suggested_duration_min: 20 }]);
  assert.match(s.dimensions![1].comment, /口头禅略多/);
});

test("the comments are the backend's, parts joined by a space", () => {
  const weak = scoreCounts({ answers: 1, total_words: 300, said: true, star_hits: [4, 3, 1, 1], reflection_hits: 0, filler_count: 30 });
  assert.equal(weak.dimensions![0].comment, "多补充结果与影响，更像真实面试回答。 多强调你具体做了什么，而不是团队做了什么。");
  assert.equal(weak.dimensions![1].comment, "回答略偏长，可以先给结论再展开细节。 口头禅略多，可以先写下关键点再开口作答。");
  assert.equal(weak.dimensions![2].comment, "可以在回答结尾多补一句‘这次经历让我学到…’，体现反思能力。");
  const good = scoreCounts({ answers: 3, total_words: 300, said: true, star_hits: [2, 2, 2, 2], reflection_hits: 4, filler_count: 0 });
  assert.deepEqual(good.dimensions!.map((d) => d.comment), ["整体结构基本清晰，可以继续用 STAR 模型优化表达。", "整体表达清晰度不错，可以保持当前节奏。", "有一定反思意识，可以继续保持用复盘思路讲故事。"]);
});
