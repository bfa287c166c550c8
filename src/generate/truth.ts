import { z } from "zod";
import { ScenarioParams } from "./scenarios";

/** Where an injected fault or a kept quirk landed: a 1-based line number and its kind. */
export const LinePlant = z.object({ line: z.number().int(), kind: z.string() });
export type LinePlant = z.infer<typeof LinePlant>;

/** What the generator planted in a log: written by `--truth FILE`, read by the tests and the synthetic notebook. */
export const Truth = z.object({
  options: z.object({ scenario: z.string(), students: z.number(), sessions: z.tuple([z.number(), z.number()]), seed: z.number(), start: z.string(), faults: z.number() }),
  /** Exact counts; sessions, users and the media-session counts are -1 when generated with `trackTruth: false`. */
  params: ScenarioParams,
  counts: z.object({
    lines: z.number(),
    session_report: z.number(),
    media_report: z.number(),
    sessions: z.number(),
    superseded_reports: z.number(),
    users: z.number(),
    sessions_with_media: z.number(),
    orphan_media_sessions: z.number(),
    unknown_type: z.number(),
  }),
  /**
   * Per dimension: the planted model, what the analysis should find (verdict and flags), and the realised links of
   * the score to the latent ability and to the amount said.
   */
  dimensions: z.record(z.string(), z.object({
    loading: z.number(),
    growth: z.number(),
    arbitrary: z.boolean(),
    /** Planted: the score ignores the student and rises with the number of answers. */
    length_driven: z.boolean(),
    /** `arbitrary` when it ignores the student (unreliable, unsupported, no more stable than chance); else `concentrated` when concentrated; else `ok`. */
    expected_verdict: z.enum(["ok", "concentrated", "arbitrary"]),
    /**
     * The flags the analysis should raise: piled up, unstable for the same student, rising with the amount said, linked
     * to nothing. `unsupported` is null where the log does not settle it: a length-driven keyword share also depends on
     * the answers' language (English answers can only say the English keywords), and so does audio.speech_rate
     * (whitespace-split words a minute), a link through language that the analysis may rightly find.
     */
    expected_flags: z.object({ concentrated: z.boolean(), unreliable: z.boolean(), length_driven: z.boolean(), unsupported: z.boolean().nullable() }),
    /** Realised Spearman ρ of the score with diagnostics.total_words over the reported sessions (null without trackTruth). */
    length_r: z.number().nullable(),
    /** Correlation of the observed score with the session's latent ability (its square estimates reliability). */
    ability_link: z.number().nullable(),
    reliability: z.number().nullable(),
  })),
  /** Per feature and target: the planted link (sign and strength; 0 = none). */
  features: z.record(z.string(), z.record(z.string(), z.number())),
  /** Media features planted with no link to anything (every link of theirs is a null link). */
  null_features: z.array(z.string()),
  /** Tags and tasks no possible score of the dimension can trigger under the rules the log was scored with. */
  unreachable_tags: z.array(z.object({ dimension: z.string(), tag: z.enum(["risk", "strength", "task"]), reason: z.string() })),
  planted_threshold: z.object({ feature: z.string(), outcome: z.string(), threshold: z.number(), direction: z.enum(["above", "below"]) }).nullable(),
  /** Per dimension, the user_ids whose planted gain from first to last session is at least 2 latent SD. */
  improvers: z.record(z.string(), z.array(z.string())),
  /** Per dimension and user_id, the planted latent gain from first to last session (SD units; users without growth omitted). */
  improvement: z.record(z.string(), z.record(z.string(), z.number())),
  faults: z.array(LinePlant),
  quirks: z.array(LinePlant),
});
export type Truth = z.infer<typeof Truth>;
