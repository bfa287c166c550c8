import { defaultRules, DIMENSION_NAMES, taskFocus, type RulesConfig } from "./rules-config";
import { clarityScore, overallScore, taskDimensions } from "./score-rules";
import { pyRound } from "./py-round";

/**
 * A transcription of the backend's heuristic scoring of a session's answers (`../shared/metrics-log.md`, "The
 * heuristic scoring rules"): the same keywords, the same text operations, the same float arithmetic and Python's
 * rounding, so a score computed here is bit for bit the one the backend logs.
 */

/** The STAR keyword groups in the backend's order (situation, task, action, result): 4, 3, 5 and 4 keywords. */
export const STAR_GROUPS = [
  ["情境", "背景", "situation", "context"],
  ["任务", "目标", "task"],
  ["我负责", "采取", "实现", "action", "did"],
  ["结果", "最终", "impact", "result"],
] as const;

/** The six reflection keywords. */
export const REFLECTION_KEYWORDS = ["反思", "复盘", "总结", "我学到", "lesson", "learned"] as const;

/** The fillers, counted as case-sensitive substrings of the joined answers, every occurrence. */
export const FILLER_WORDS = ["呃", "嗯", "就是", "那个", "然后", "um", "uh", "like", "you know"] as const;

/** Python's `str.isspace()` characters (what `str.split()` and `str.strip()` cut on), as a regex class. */
const PY_SPACE = "\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const PY_SPACES = new RegExp(`[${PY_SPACE}]+`, "g");
const PY_STRIP = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, "g");

/**
 * Python's `len(text.split())`: the number of whitespace-separated words (Python's whitespace, not JavaScript's).
 *
 * @example pyWordCount("  我负责 这个 task\u3000done ") // 4
 */
export function pyWordCount(text: string): number {
  let n = 0;
  for (const part of text.split(PY_SPACES)) if (part !== "") n++;
  return n;
}

/**
 * Python's `text.count(word)`: non-overlapping occurrences, case-sensitive.
 *
 * @example pyCount("likely unlike Like", "like") // 2
 */
export function pyCount(text: string, word: string): number {
  let n = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) n++;
  return n;
}

/**
 * How many of `keywords` occur in `lowerText` (already lower-cased), each counted once however often it appears.
 *
 * @example keywordHits("the task and the tasks", ["任务", "目标", "task"]) // 1
 */
export function keywordHits(lowerText: string, keywords: readonly string[]): number {
  let hits = 0;
  for (const kw of keywords) if (lowerText.includes(kw.toLowerCase())) hits++;
  return hits;
}

/** What the backend's scoring reads from a session's answers. */
export interface AnswerCounts {
  /** Number of answers (empty ones included). */
  answers: number;
  /** Whitespace-split words of the joined answers. */
  total_words: number;
  /** The joined answers are not empty after stripping (otherwise the backend writes no dimensions). */
  said: boolean;
  /** Keywords found per STAR group (situation, task, action, result). */
  star_hits: [number, number, number, number];
  reflection_hits: number;
  /** Filler occurrences (substrings, every occurrence). */
  filler_count: number;
}

/**
 * Reads a session's answers as the backend does: joins them with a space and strips, counts whitespace-split words,
 * keyword hits on the lower-cased text (once per keyword), fillers on the text as it is (every occurrence).
 *
 * @example countAnswers(["Um, I did it", "likely"]).filler_count // 1 ("like" in "likely"; "Um" is not "um")
 */
export function countAnswers(answers: readonly string[]): AnswerCounts {
  const full = answers.join(" ").replace(PY_STRIP, "");
  const lower = full.toLowerCase();
  let fillers = 0;
  if (full) for (const w of FILLER_WORDS) fillers += pyCount(full, w);
  const hits = (kws: readonly string[]) => (full ? keywordHits(lower, kws) : 0);
  return {
    answers: answers.length,
    total_words: full ? pyWordCount(full) : 0,
    said: full !== "",
    star_hits: [hits(STAR_GROUPS[0]), hits(STAR_GROUPS[1]), hits(STAR_GROUPS[2]), hits(STAR_GROUPS[3])],
    reflection_hits: hits(REFLECTION_KEYWORDS),
    filler_count: fillers,
  };
}

/** One dimension as the backend logs it. */
export interface BackendDimension {
  name: string;
  score: number;
  comment: string;
}

/** A session's scores as the backend logs them (`null` where the backend writes `null` for an empty list). */
export interface BackendScores {
  /** `null` when the candidate said nothing. */
  dimensions: BackendDimension[] | null;
  /** `total_words` is a Python int, the others Python floats. */
  diagnostics: { total_words: number; avg_answer_len: number; filler_ratio: number; reflection_score: number };
  overall_score: number | null;
  strength_tags: string[] | null;
  risk_tags: string[] | null;
  tasks: { type: string; focus: string; suggested_duration_min: number }[] | null;
  /** Keyword share per STAR group (situation, task, action, result), as the comments read them. */
  coverage: [number, number, number, number];
}

/** The STAR score from the group hit counts: the mean of the four shares × 100, 1 decimal; 0 when no group has a hit. */
export function starScore(hits: readonly number[]): number {
  const cov = STAR_GROUPS.map((g, i) => hits[i] / g.length);
  if (!cov.some((c) => c > 0)) return 0;
  return pyRound(((cov[0] + cov[1] + cov[2] + cov[3]) / 4) * 100, 1);
}

/** The reflection score from the number of reflection keywords found: the share × 100, 1 decimal. */
export function reflectionScore(hits: number): number {
  return pyRound((hits / REFLECTION_KEYWORDS.length) * 100, 1);
}

/** The backend's STAR comment parts: result coverage low, action coverage low, neither. */
const STAR_RESULT = "多补充结果与影响，更像真实面试回答。";
const STAR_ACTION = "多强调你具体做了什么，而不是团队做了什么。";
/** Indexed by (result low) · 2 + (action low): the parts joined by a space, as the backend joins them. */
const STAR_COMMENTS = ["整体结构基本清晰，可以继续用 STAR 模型优化表达。", STAR_ACTION, STAR_RESULT, `${STAR_RESULT} ${STAR_ACTION}`];
const CLARITY_LONG = "回答略偏长，可以先给结论再展开细节。";
const CLARITY_FILLERS = "口头禅略多，可以先写下关键点再开口作答。";
/** Indexed by (answers too long) · 2 + (too many fillers). */
const CLARITY_COMMENTS = ["整体表达清晰度不错，可以保持当前节奏。", CLARITY_FILLERS, CLARITY_LONG, `${CLARITY_LONG} ${CLARITY_FILLERS}`];
const REFLECTION_COMMENTS = ["有一定反思意识，可以继续保持用复盘思路讲故事。", "可以在回答结尾多补一句‘这次经历让我学到…’，体现反思能力。"];

function starComment(cov: readonly number[], rules: RulesConfig): string {
  const low = rules.star.commentCoverage;
  return STAR_COMMENTS[(cov[3] < low ? 2 : 0) + (cov[2] < low ? 1 : 0)];
}

function clarityComment(avgLen: number, fillerRatio: number, rules: RulesConfig): string {
  return CLARITY_COMMENTS[(avgLen > rules.clarity.length.high ? 2 : 0) + (fillerRatio > rules.clarity.fillerComment ? 1 : 0)];
}

function reflectionComment(score: number, rules: RulesConfig): string {
  return REFLECTION_COMMENTS[score < rules.reflection.commentThreshold ? 1 : 0];
}

/**
 * Scores counted answers (`countAnswers`) as the backend does: STAR, clarity (`clarityScore` of the rules) and
 * reflection with their comments, the overall score, tags (a strength at ≥ strengthAtLeast, else a risk at
 * ≤ riskAtMost, as the backend's `elif`) and the tasks of the lowest dimensions.
 *
 * @example scoreCounts({ answers: 2, total_words: 10, said: true, star_hits: [1, 1, 1, 1], reflection_hits: 3, filler_count: 0 }).overall_score // 58.6
 */
export function scoreCounts(c: AnswerCounts, rules: RulesConfig = defaultRules()): BackendScores {
  const avgLen = c.answers > 0 ? c.total_words / c.answers : 0;
  const fillerRatio = c.total_words > 0 ? c.filler_count / c.total_words : 0;
  const coverage = STAR_GROUPS.map((g, i) => (c.said ? c.star_hits[i] / g.length : 0)) as BackendScores["coverage"];
  const reflection = c.said ? reflectionScore(c.reflection_hits) : 0;
  const diagnostics = { total_words: c.total_words, avg_answer_len: avgLen, filler_ratio: fillerRatio, reflection_score: reflection };
  if (!c.said) return { dimensions: null, diagnostics, overall_score: null, strength_tags: null, risk_tags: null, tasks: null, coverage };
  const clarity = clarityScore(avgLen, fillerRatio, rules);
  const dimensions: BackendDimension[] = [
    { name: rules.star.dimension, score: starScore(c.star_hits), comment: starComment(coverage, rules) },
    { name: rules.clarity.dimension, score: clarity, comment: clarityComment(avgLen, fillerRatio, rules) },
    { name: rules.reflection.dimension, score: reflection, comment: reflectionComment(reflection, rules) },
  ];
  const scores = dimensions.map((d) => d.score);
  const strength = dimensions.filter((d) => d.score >= rules.tags.strengthAtLeast).map((d) => d.name);
  const risk = dimensions.filter((d) => d.score < rules.tags.strengthAtLeast && d.score <= rules.tags.riskAtMost).map((d) => d.name);
  const tasks = taskDimensions(scores, rules).map((d) => ({ type: rules.tasks.type, focus: taskFocus(rules, dimensions[d].name), suggested_duration_min: rules.tasks.durationMin }));
  return {
    dimensions, diagnostics, overall_score: overallScore(scores), coverage,
    strength_tags: strength.length ? strength : null, risk_tags: risk.length ? risk : null, tasks: tasks.length ? tasks : null,
  };
}

/**
 * Scores a session's answer texts exactly as the backend does (`countAnswers`, then `scoreCounts`).
 *
 * @example
 * scoreAnswers(["我负责这个项目，最终结果不错", "我学到 要先复盘"]).dimensions![0].score // 17.5  (mean of 0, 0, 1/5, 2/4, × 100)
 */
export function scoreAnswers(answers: readonly string[], rules: RulesConfig = defaultRules()): BackendScores {
  return scoreCounts(countAnswers(answers), rules);
}

/** The backend's dimension names in its order (today's rules). */
export const BACKEND_DIMENSIONS = [DIMENSION_NAMES.star, DIMENSION_NAMES.clarity, DIMENSION_NAMES.reflection] as const;
