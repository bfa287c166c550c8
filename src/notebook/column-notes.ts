/**
 * What the columns of the kit's result tables mean and which way is good: shown as a legend under a table and as the
 * header's tooltip, in the notebooks (`tableBundle`) and the report (`recordsTable`).
 */
export const COLUMN_NOTES: Readonly<Record<string, string>> = {
  verdict: "ok, concentrated (piled at a bound, too few values or too narrow) or arbitrary (unreliable for a student, and supported by nothing observable or with no stability to speak of)",
  flags: "every criterion that fired: concentrated, unreliable (growth-corrected retest < 0.5), length_driven (|ρ| with total_words ≥ 0.3), unsupported (no observable link and no item–rest at equal length)",
  partial_item_rest_r: "item–rest r at an equal amount said (total_words and answers held fixed): agreement that is not just length (higher is better; > 0.2 counts)",
  retest_icc: "growth-corrected test–retest ICC(C,1) over a student's sessions, session index as a fixed effect (higher is better; < 0.5 is poor, Koo & Li 2016)",
  retest_icc_lower: "the retest ICC's one-sided 95% lower confidence bound (McGraw & Wong 1996); at or below 0 the score is no more stable for the same student than chance",
  length_r: "Spearman's ρ with total_words: how much the score rises with the amount said (|ρ| ≥ 0.3 is length-driven; nearer 0 is better)",
  answers_r: "Spearman's ρ with the number of answers (total_words / avg_answer_len)",
  supported: "at least one observable feature links to it at an equal amount said (|ρ| ≥ 0.1, q < 0.05)",
  partial_spearman: "Spearman's ρ at an equal amount said (total_words and answers held fixed)",
  improved: "dimensions on which the student improved beyond measurement error (RCI > 1.96)",
  sessions: "the student's sessions with a score",
  reasons: "the criteria that fired, with their figures",
  n: "sessions with a value",
  missing: "sessions without one of the two values (left out)",
  distinct: "distinct values (< 4 is concentrated)",
  ceiling_share: "share at the maximum (> 15% is a ceiling effect; lower is better)",
  floor_share: "share at the minimum (> 15% is a floor effect; lower is better)",
  entropy: "normalised entropy of the 10-bin histogram, 0–1 (higher spreads more; < 0.25 is concentrated)",
  item_rest_r: "corrected item–rest correlation: with the mean of the other dimensions (higher is better; |r| < 0.2 is poor)",
  retest_r: "test–retest r between a student's consecutive sessions (higher is better; < 0.5 is poor)",
  retest_pairs: "pairs of consecutive sessions behind retest_r (more is surer)",
  spearman: "Spearman's ρ, −1…1 (further from 0 is a stronger link)",
  pearson: "Pearson's r, −1…1",
  ci95_lo: "lower end of the 95% interval",
  ci95_hi: "upper end of the 95% interval",
  significant: "q < 0.05 (Benjamini–Hochberg over every link of the run)",
  interval: "how the interval was computed (seeded bootstrap, or Fisher z above 5,000 pairs)",
  q: "false-discovery-rate adjusted p (Benjamini–Hochberg; lower is stronger evidence, < 0.05 counts)",
  mean_change_per_session: "the cohort's mean change of the score per session (above 0 is improvement)",
  cohort_improves: "the interval of the mean change lies above 0",
  improved_students: "students whose reliable change index exceeds 1.96",
  of_students: "students with at least 3 sessions",
  rci: "reliable change index of first → last (> 1.96 is a reliable improvement)",
  slope: "least-squares slope per session",
  strength_before: "share of sessions with the strength tag, today's rules",
  strength_after: "share with the strength tag, tuned rules",
  risk_before: "share of sessions with the risk tag, today's rules",
  risk_after: "share with the risk tag, tuned rules",
  strength_today: "share of sessions with the strength tag under today's rules",
  strength_tuned: "share with the strength tag under the tuned rules",
  risk_today: "share of sessions with the risk tag under today's rules",
  risk_tuned: "share with the risk tag under the tuned rules",
  flagged_share: "share of the sessions with a value (n) that the value flags",
  youden_j: "Youden's J = sensitivity + specificity − 1 against the outcome (higher separates better; 0 is chance)",
  sensitivity: "share of the outcome's sessions flagged",
  specificity: "share of the other sessions not flagged",
  recovered: "the analysis found what was planted",
};

/**
 * What the columns of a generated log's truth counts (`Truth["counts"]`) mean: counts over the whole log, where
 * `sessions` is not one student's (`COLUMN_NOTES`). Pass as `show`'s `notes`.
 */
export const TRUTH_COUNT_NOTES: Readonly<Record<string, string>> = {
  lines: "lines written to the log, faults included",
  session_report: "session_report lines (re-reports included)",
  media_report: "media_report lines",
  sessions: "distinct sessions with a session report in the whole log, every user's (-1 without trackTruth)",
  superseded_reports: "session reports replaced by a later report of the same session",
  users: "distinct user_ids in the log (-1 without trackTruth)",
  sessions_with_media: "sessions with a session report and at least one media report (-1 without trackTruth)",
  orphan_media_sessions: "sessions with media reports but no session report (-1 without trackTruth)",
  unknown_type: "lines of a type the loader does not know",
};

/**
 * The notes of the given columns that have one, as "column: note" lines; `notes` default `COLUMN_NOTES`.
 *
 * @example columnLegend(["n", "dimension"]) // → ["n: sessions with a value"]
 */
export function columnLegend(columns: readonly string[], notes: Readonly<Record<string, string>> = COLUMN_NOTES): string[] {
  return columns.filter((c) => Object.hasOwn(notes, c)).map((c) => `${c}: ${notes[c]}`);
}
