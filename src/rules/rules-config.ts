import { z } from "zod";

/** The dimension names the backend writes today (exact strings, full-width parentheses). */
export const DIMENSION_NAMES = {
  star: "结构化表达（STAR）",
  clarity: "表达清晰度",
  reflection: "反思与成长意识",
} as const;

const Deduction = z.object({
  /** Above this value the larger deduction applies. */
  high: z.number(),
  highPenalty: z.number(),
  /** Above this value (and not above `high`) the smaller deduction applies. */
  mid: z.number(),
  midPenalty: z.number(),
});

const Band = z.object({ min: z.number().nullable().default(null), max: z.number().nullable().default(null) });

/**
 * The backend's heuristic scoring rules as one typed config; every default is today's value
 * (`../shared/metrics-log.md`, "The heuristic scoring rules"). Load it from JSON with `RulesConfig.parse(json)`:
 * missing keys take today's values.
 */
export const RulesConfig = z.object({
  clarity: z.object({
    dimension: z.string().default(DIMENSION_NAMES.clarity),
    base: z.number().default(100),
    /** avg_answer_len > 220 → −15, else > 150 → −8. */
    length: Deduction.default({ high: 220, highPenalty: 15, mid: 150, midPenalty: 8 }),
    /** filler_ratio > 0.05 → −15, else > 0.02 → −8. */
    filler: Deduction.default({ high: 0.05, highPenalty: 15, mid: 0.02, midPenalty: 8 }),
    /** The filler comment is written when filler_ratio > this. */
    fillerComment: z.number().default(0.03),
    min: z.number().default(0),
    max: z.number().default(100),
  }).prefault({}),
  star: z.object({
    dimension: z.string().default(DIMENSION_NAMES.star),
    /** Comments flag the result and action groups when their keyword coverage is below this. */
    commentCoverage: z.number().default(0.4),
  }).prefault({}),
  reflection: z.object({
    dimension: z.string().default(DIMENSION_NAMES.reflection),
    /** The reflection comment asks for more reflection below this score. */
    commentThreshold: z.number().default(60),
  }).prefault({}),
  tags: z.object({
    /** A dimension with score ≥ this is a strength tag. */
    strengthAtLeast: z.number().default(75),
    /** A dimension with score ≤ this is a risk tag. */
    riskAtMost: z.number().default(50),
  }).prefault({}),
  tasks: z.object({
    /** A dimension gets a task only if its score is below this. */
    below: z.number().default(70),
    /** How many of the lowest dimensions get a task. */
    count: z.number().int().default(2),
    type: z.string().default("practice_session"),
    durationMin: z.number().int().default(20),
    /** The `focus` label per dimension name; a dimension not listed uses its own name. */
    focus: z.record(z.string(), z.string()).default({
      [DIMENSION_NAMES.clarity]: "口头表达与节奏",
      [DIMENSION_NAMES.reflection]: "复盘与反思能力",
    }),
  }).prefault({}),
  /**
   * Media-feature thresholds, keyed by feature name (`audio.speech_rate`): a session is flagged when its
   * per-session mean is below `min` or above `max`. None is set today: they have no effect until set.
   */
  media: z.record(z.string(), Band).default({}),
});
export type RulesConfig = z.infer<typeof RulesConfig>;

/** Today's rules. */
export function defaultRules(): RulesConfig {
  return RulesConfig.parse({});
}

/** The task focus label for a dimension under `rules`. */
export function taskFocus(rules: RulesConfig, dimension: string): string {
  return rules.tasks.focus[dimension] ?? dimension;
}
