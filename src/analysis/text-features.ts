import type * as aq from "arquero";
import { finiteColumn } from "./finite-column";

/**
 * The session's text statistics as features, named by their place in the log (`diagnostics.total_words`), plus the
 * number of answers, which the log does not carry: `total_words / avg_answer_len` when both are non-zero.
 * The backend's rule-built scores are computed from these (`../shared/metrics-log.md`), so they show how much of a
 * score is a length rule.
 */
export const TEXT_FEATURES = ["diagnostics.total_words", "diagnostics.avg_answer_len", "diagnostics.filler_ratio", "diagnostics.answers"] as const;
export type TextFeature = (typeof TEXT_FEATURES)[number];

/** The amount said: the control of the length-corrected statistics. */
export const LENGTH_FEATURE: TextFeature = "diagnostics.total_words";

/**
 * The controls of the length-corrected statistics: how much was said (total_words) and in how many answers. Both
 * matter: keyword coverage of the joined answers rises with either, and speech_rate (words per minute of the
 * transcript) and avg_answer_len are total_words over the answers' time or count.
 */
export const LENGTH_CONTROLS: readonly TextFeature[] = [LENGTH_FEATURE, "diagnostics.answers"];

/** The text features that measure the amount said (the controls and avg_answer_len = total_words / answers). */
export const AMOUNT_FEATURES: readonly TextFeature[] = [...LENGTH_CONTROLS, "diagnostics.avg_answer_len"];

/** True when `name` is one of `TEXT_FEATURES`. */
export function isTextFeature(name: string): name is TextFeature {
  return (TEXT_FEATURES as readonly string[]).includes(name);
}

/**
 * The number of answers of a session from its diagnostics: total_words / avg_answer_len when both are non-zero
 * (and finite), NaN otherwise (the backend writes avg_answer_len 0.0 when there are no answers).
 *
 * @example answerCount(600, 150) // 4; answerCount(0, 0) // NaN
 */
export function answerCount(totalWords: number, avgAnswerLen: number): number {
  return Number.isFinite(totalWords) && Number.isFinite(avgAnswerLen) && totalWords !== 0 && avgAnswerLen !== 0 ? Math.round(totalWords / avgAnswerLen) : NaN;
}

/**
 * The sessions-table columns a text feature is read from.
 *
 * @example textFeatureColumns("diagnostics.answers") // ["total_words", "avg_answer_len"]
 */
export function textFeatureColumns(feature: TextFeature): string[] {
  return feature === "diagnostics.answers" ? ["total_words", "avg_answer_len"] : [feature.slice("diagnostics.".length)];
}

/**
 * A text feature's values over a sessions (or joined) table's rows; NaN where missing. Throws when the table has
 * no diagnostics columns.
 *
 * @example textFeatureValues(t.sessions, "diagnostics.answers")[0] // 4
 */
export function textFeatureValues(table: aq.ColumnTable, feature: TextFeature): Float64Array {
  const column = (name: string) => {
    if (!table.columnNames().includes(name)) throw new Error(`text feature ${feature} needs the column ${name}, absent from the table`);
    return finiteColumn(table, name);
  };
  if (feature !== "diagnostics.answers") return column(feature.slice("diagnostics.".length));
  const total = column("total_words");
  const avg = column("avg_answer_len");
  return total.map((t, i) => answerCount(t, avg[i]));
}
