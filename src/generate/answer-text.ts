import { REFLECTION_KEYWORDS, STAR_GROUPS, type AnswerCounts } from "../rules/backend-scoring";

/** Filler and neutral words that contain no keyword and no other filler, whatever they are glued to. */
const WORDS = { zh: { filler: "嗯", neutral: "回答" }, en: { filler: "um", neutral: "word" } } as const;

/**
 * Writes answer texts whose backend reading (`countAnswers`) is exactly `counts`: the first `star_hits[g]`
 * keywords of each STAR group, the first `reflection_hits` reflection keywords, `filler_count` fillers and neutral
 * words up to `total_words` whitespace-split words, spread over `answers` answers. When there are more keywords and
 * fillers than words (a Chinese transcript without spaces), several are glued into one word. Blank answers when
 * nothing was said. For tests and hand-built logs: the texts are not meant to read well. Throws when `total_words` is
 * below the number of answers (or 0) while something was said.
 *
 * @example renderAnswers({ answers: 2, total_words: 3, said: true, star_hits: [1, 0, 0, 1], reflection_hits: 0, filler_count: 1 }, "zh")
 * // ["情境 结果", "嗯"]
 */
export function renderAnswers(counts: AnswerCounts, language: "zh" | "en"): string[] {
  const n = counts.answers;
  if (!counts.said) return Array.from({ length: n }, () => "");
  const pieces: string[] = [];
  STAR_GROUPS.forEach((g, i) => pieces.push(...g.slice(0, counts.star_hits[i])));
  pieces.push(...REFLECTION_KEYWORDS.slice(0, counts.reflection_hits));
  for (let k = 0; k < counts.filler_count; k++) pieces.push(WORDS[language].filler);
  const total = counts.total_words;
  if (total < n || total < 1) throw new Error(`cannot write ${total} words over ${n} answers`);
  const words = Array.from({ length: total }, (_, i) => (i < pieces.length ? "" : WORDS[language].neutral));
  pieces.forEach((p, i) => (words[i % total] += p));
  const answers: string[] = [];
  for (let j = 0, at = 0; j < n; j++) {
    const size = Math.floor(total / n) + (j < total % n ? 1 : 0);
    answers.push(words.slice(at, at + size).join(" "));
    at += size;
  }
  return answers;
}
