import { z } from "zod";
import { SCENARIO_NAMES } from "./scenario-names";

/** The named scenarios an analyst can start from. */
export const ScenarioName = z.enum(SCENARIO_NAMES);
export type ScenarioName = z.infer<typeof ScenarioName>;

/** Per-dimension parameters of the latent model (dimension order: STAR, clarity, reflection). */
const DimensionModel = z.object({
  /** Loading on the common ability factor g (0–1): how much the dimension shares with the others. */
  loading: z.number(),
  /** Mean growth per session, in latent SD units, and its spread between students. */
  growth: z.number(),
  growthSd: z.number(),
  /** When true the observed score ignores the student: fresh noise every session. */
  arbitrary: z.boolean(),
  /**
   * When true the score ignores the student and rises with the number of answers: each answer mentions each of the
   * dimension's keywords with chance `keywords.perAnswer` (a keyword dimension only: STAR or reflection).
   */
  lengthDriven: z.boolean(),
});

/** Quirks of the real log, each a rate per eligible row (see `../shared/metrics-log.md`). */
const Quirks = z.object({
  guest: z.number(),
  noAnswers: z.number(),
  rereport: z.number(),
  orphanMedia: z.number(),
  nullFeatures: z.number(),
  nonFinite: z.number(),
  noMicroseconds: z.number(),
  offsetTs: z.number(),
  timeline: z.number(),
  /** A recording whose file is missing: the audio signal features are null, and a video's every feature. */
  missingFile: z.number(),
  /** A video in which no face is found: every video feature null. */
  noFace: z.number(),
});

/** Everything that shapes a generated log; `scenario(name)` gives a complete preset. */
export const ScenarioParams = z.object({
  name: ScenarioName,
  dimensions: z.tuple([DimensionModel, DimensionModel, DimensionModel]),
  /** Answers per session, inclusive range (drawn per session: the interview decides, not the student). */
  answers: z.tuple([z.number().int().positive(), z.number().int().positive()]),
  /**
   * Clarity inputs: log-mean answer length (words said, in English words), filler-rate logit (fillers per
   * whitespace-split word) at average ability, their ability slopes.
   */
  answerLength: z.object({ logMean: z.number(), abilitySlope: z.number(), studentSd: z.number(), sessionSd: z.number() }),
  filler: z.object({ logit: z.number(), abilitySlope: z.number(), studentSd: z.number(), sessionSd: z.number() }),
  /**
   * Language: the share of students answering in English (the others in Chinese), and the whitespace-split words of a
   * Chinese answer per English-word equivalent said (a transcript without spaces counts as very few "words").
   */
  language: z.object({ english: z.number(), chineseWordsPerWord: z.number() }),
  /**
   * Keywords: the ability slope of a keyword's logit; the amount said (words) at which an able candidate has said
   * 63% of what they would say (mentions saturate with the amount said); a length-driven dimension's chance per answer.
   */
  keywords: z.object({ abilitySlope: z.number(), saturation: z.number(), perAnswer: z.number() }),
  /** Share of students who improve (improvers scenario: the rest do not grow on the improving dimensions). */
  improverShare: z.number(),
  /** Media: chance a session has audio, video; strength of the planted links (0 = none, 1 = strong). */
  media: z.object({ audio: z.number(), video: z.number(), linkStrength: z.number(), noise: z.number() }),
  /** A planted step effect: `feature` is above `threshold` mostly when `outcome` holds. */
  plantedThreshold: z.object({ feature: z.string(), outcome: z.string(), threshold: z.number(), separation: z.number() }).nullable(),
  quirks: Quirks,
});
export type ScenarioParams = z.infer<typeof ScenarioParams>;

const ok = (loading: number, growth = 0.08) => ({ loading, growth, growthSd: 0.06, arbitrary: false, lengthDriven: false });

/** The preset parameters of a named scenario. */
export function scenario(name: ScenarioName): ScenarioParams {
  const base: ScenarioParams = {
    name,
    dimensions: [ok(0.75), ok(0.7), ok(0.75)],
    answers: [3, 6],
    answerLength: { logMean: Math.log(125), abilitySlope: 0, studentSd: 0.22, sessionSd: 0.1 },
    filler: { logit: Math.log(0.07 / 0.93), abilitySlope: -0.7, studentSd: 0.3, sessionSd: 0.15 },
    language: { english: 0.15, chineseWordsPerWord: 0.35 },
    keywords: { abilitySlope: 1.5, saturation: 80, perAnswer: 0.15 },
    improverShare: 0,
    media: { audio: 0.7, video: 0.45, linkStrength: 0.35, noise: 1 },
    plantedThreshold: null,
    quirks: {
      guest: 0.04, noAnswers: 0.02, rereport: 0.05, orphanMedia: 0.03, nullFeatures: 0.02, nonFinite: 0.01,
      noMicroseconds: 0.01, offsetTs: 0.005, timeline: 0.6, missingFile: 0.03, noFace: 0.04,
    },
  };
  switch (name) {
    case "baseline":
      return base;
    case "ceiling":
      // Short answers and few fillers: clarity piles at 100.
      return { ...base, answerLength: { ...base.answerLength, logMean: Math.log(90) }, filler: { ...base.filler, logit: Math.log(0.006 / 0.994), studentSd: 0.2 } };
    case "arbitrary":
      return { ...base, dimensions: [ok(0.75), ok(0.7), { loading: 0, growth: 0, growthSd: 0, arbitrary: true, lengthDriven: false }] };
    case "length-confound":
      // Reflection ignores the student and rises with the number of answers, which varies widely between sessions.
      return { ...base, answers: [1, 12], dimensions: [ok(0.75), ok(0.7), { loading: 0, growth: 0, growthSd: 0, arbitrary: false, lengthDriven: true }] };
    case "strong-media":
      return {
        ...base,
        media: { ...base.media, linkStrength: 1, noise: 0.35 },
        plantedThreshold: { feature: "audio.pause_ratio", outcome: "risk:结构化表达（STAR）", threshold: 0.3, separation: 0.08 },
      };
    case "improvers":
      return {
        ...base,
        improverShare: 0.4,
        dimensions: [
          { loading: 0.75, growth: 0.45, growthSd: 0.05, arbitrary: false, lengthDriven: false },
          { loading: 0.7, growth: 0, growthSd: 0, arbitrary: false, lengthDriven: false },
          { loading: 0.75, growth: 0.45, growthSd: 0.05, arbitrary: false, lengthDriven: false },
        ],
      };
  }
}

/** Options of `generateLog` (and of `metrics-kit generate`). */
export const GenerateOptions = z.object({
  scenario: ScenarioName.default("baseline"),
  students: z.number().int().positive().default(200),
  /** Sessions per student, inclusive range. */
  sessions: z.tuple([z.number().int().positive(), z.number().int().positive()]).default([1, 6]),
  seed: z.number().int().default(42),
  /** First arrival, ISO 8601 (read as UTC). */
  start: z.string().default("2025-09-01T00:00:00"),
  /** Share of lines replaced by an injected fault (torn, invalid JSON, wrong type, missing key, unknown type). */
  faults: z.number().min(0).max(1).default(0),
  /**
   * Keep what the truth lists per session, student and line: the ids behind its exact counts (sessions, users, media
   * sessions), each student's planted improvement, the improvers, the lines of the kept quirks. Memory then grows
   * with the log. Without it memory stays flat: `truth().counts` keeps the row counters, the session, user and
   * media-session counts are -1, `superseded_reports` counts every re-report written, `improvement`, `improvers`
   * and `quirks` are empty (the faults' lines are still listed).
   */
  trackTruth: z.boolean().default(true),
  /** Overrides of the scenario's parameters. */
  params: ScenarioParams.partial().optional(),
});
export type GenerateOptions = z.input<typeof GenerateOptions>;
/** `GenerateOptions` with every default filled in. */
export type ResolvedOptions = z.output<typeof GenerateOptions>;
