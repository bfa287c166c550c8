import type { AnswerCounts } from "../rules/backend-scoring";
import type { Rng } from "./rng";
import type { ScenarioParams } from "./scenarios";
import type { Student } from "./students";

/**
 * How often a candidate uses each keyword, as a logit at average ability, for Chinese and English answers, in the
 * order of the backend's groups (`STAR_GROUPS`, then `REFLECTION_KEYWORDS`). A Chinese candidate says an English
 * keyword now and then ("task", "context"); an English one never says a Chinese one. The English keywords are used
 * more often, so that both languages' scores have about the same mean (English has fewer keywords per group).
 */
const NEVER = -12;
const STAR_PROPENSITY: readonly (readonly [zh: number, en: number])[][] = [
  [[0.2, NEVER], [0.8, NEVER], [-3, 1.8], [-2, 2.2]], // 情境 背景 situation context
  [[0.6, NEVER], [0.2, NEVER], [-1, 2.2]], // 任务 目标 task
  [[0.8, NEVER], [-0.6, NEVER], [0.3, NEVER], [-2.5, 1.2], [-3, 2.5]], // 我负责 采取 实现 action did
  [[0.8, NEVER], [0.2, NEVER], [-2, 1.2], [-2, 2]], // 结果 最终 impact result
];
// 总结 is the habitual closing word ("总结一下"): most Chinese answers that reflect at all say it.
const REFLECTION_PROPENSITY: readonly (readonly [zh: number, en: number])[] = [
  [-1.2, NEVER], [-1, NEVER], [2.5, NEVER], [-1, NEVER], [-3, 1.5], [-3, 2.5], // 反思 复盘 总结 我学到 lesson learned
];

/** English answers: a share of real fillers are sentence-initial ("Um", "Like"), which the case-sensitive count misses. */
const CAPITALISED_FILLERS = 0.1;
/** English answers: words that contain a filler ("likely", "unlike", "umbrella") per word. */
const INCIDENTAL_FILLERS = 0.002;

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
/** The SD of an arbitrary dimension's fresh draw on the keyword logit, every session. */
const ARBITRARY_SD = 1.2;

/** One session's simulated answers, as the backend's scoring reads them, with what drove them. */
export interface SimulatedAnswers extends AnswerCounts {
  /** The words said (English-word equivalents), which drive keyword mentions. */
  said_words: number;
}

/**
 * How many of a dimension's keywords a session's answers contain. `ability` mode: each keyword appears with
 * σ(propensity + slope·ability), scaled by how much was said (mentions saturate with the amount said);
 * `arbitrary`: a fresh normal draw on every keyword's logit each session, unrelated to the student; `lengthDriven`: each answer mentions each
 * keyword with a fixed chance, so the count rises with the number of answers.
 */
function keywordCount(rng: Rng, propensity: readonly (readonly [number, number])[], student: Student, mode: ScenarioParams["dimensions"][number], ability: number, answers: number, saidWords: number, p: ScenarioParams): number {
  const lang = student.chinese ? 0 : 1;
  const reach = 1 - Math.exp(-saidWords / p.keywords.saturation);
  const fresh = mode.arbitrary ? ARBITRARY_SD * rng.normal() : 0;
  let hits = 0;
  for (const kw of propensity) {
    const base = kw[lang];
    let chance: number;
    if (mode.lengthDriven) chance = 1 - (1 - Math.min(1, 2 * p.keywords.perAnswer * sigmoid(base))) ** answers;
    else if (mode.arbitrary) chance = sigmoid(base + fresh);
    else chance = sigmoid(base + p.keywords.abilitySlope * ability) * reach;
    if (rng.bernoulli(chance)) hits++;
  }
  return hits;
}

/**
 * Simulates one session's answers (how many, how long, which keywords and fillers) for a student at the given
 * abilities (STAR, clarity, reflection), as the counts `scoreCounts` scores.
 *
 * @example simulateAnswers(createRng(1), student, [0, 0, 0], scenario("baseline")).star_hits // e.g. [2, 1, 2, 2]
 */
export function simulateAnswers(rng: Rng, student: Student, ability: readonly number[], p: ScenarioParams): SimulatedAnswers {
  const answers = rng.int(p.answers[0], p.answers[1]);
  const dims = p.dimensions;
  const al = p.answerLength;
  const clarity = dims[1].arbitrary ? rng.normal() : ability[1];
  const perAnswer = Math.exp(al.logMean + al.abilitySlope * clarity + student.verbosity + al.sessionSd * rng.normal());
  const saidWords = Math.max(answers, Math.round(perAnswer * answers));
  const totalWords = student.chinese ? Math.max(answers, Math.round(saidWords * p.language.chineseWordsPerWord)) : saidWords;
  const f = p.filler;
  const rate = sigmoid(f.logit + f.abilitySlope * clarity + student.filler + f.sessionSd * rng.normal());
  let fillers = rng.binomial(totalWords, rate);
  if (!student.chinese) fillers = fillers - rng.binomial(fillers, CAPITALISED_FILLERS) + rng.binomial(totalWords, INCIDENTAL_FILLERS);
  return {
    answers, total_words: totalWords, said: true, said_words: saidWords, filler_count: fillers,
    star_hits: STAR_PROPENSITY.map((g) => keywordCount(rng, g, student, dims[0], ability[0], answers, saidWords, p)) as AnswerCounts["star_hits"],
    reflection_hits: keywordCount(rng, REFLECTION_PROPENSITY, student, dims[2], ability[2], answers, saidWords, p),
  };
}

/** A session in which the candidate said nothing: the backend writes zero diagnostics and no dimensions. */
export function silentAnswers(rng: Rng, p: ScenarioParams): SimulatedAnswers {
  return { answers: rng.int(p.answers[0], p.answers[1]), total_words: 0, said: false, said_words: 0, filler_count: 0, star_hits: [0, 0, 0, 0], reflection_hits: 0 };
}
