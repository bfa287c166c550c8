import { z } from "zod";
import { MEDIA_FEATURES } from "../join/columns";
import { nearestName } from "../io/nearest-name";
import { ruleConflicts } from "./threshold-order";

/** The dimension names the backend writes today (exact strings, full-width parentheses). */
export const DIMENSION_NAMES = {
  star: "结构化表达（STAR）",
  clarity: "表达清晰度",
  reflection: "反思与成长意识",
} as const;

/** A number ≥ 0 with today's value as default. */
const atLeastZero = (today: number) => z.number().min(0, "must be ≥ 0").default(today);

/** A two-step deduction (`value > high` → −highPenalty, else `> mid` → −midPenalty); missing keys take `today`'s. */
const deduction = (today: { high: number; highPenalty: number; mid: number; midPenalty: number }) =>
  z.strictObject({
    /** Above this value the larger deduction applies. */
    high: atLeastZero(today.high),
    highPenalty: atLeastZero(today.highPenalty),
    /** Above this value (and not above `high`) the smaller deduction applies. */
    mid: atLeastZero(today.mid),
    midPenalty: atLeastZero(today.midPenalty),
  }).prefault({});

const Band = z.strictObject({ min: z.number().nullable().default(null), max: z.number().nullable().default(null) })
  .refine((b) => b.min === null || b.max === null || b.min <= b.max, { message: "min must be ≤ max", path: ["min"] });

const Clarity = z.strictObject({
  dimension: z.string().default(DIMENSION_NAMES.clarity),
  base: atLeastZero(100),
  /** avg_answer_len > 220 → −15, else > 150 → −8. */
  length: deduction({ high: 220, highPenalty: 15, mid: 150, midPenalty: 8 }),
  /** filler_ratio > 0.05 → −15, else > 0.02 → −8. */
  filler: deduction({ high: 0.05, highPenalty: 15, mid: 0.02, midPenalty: 8 }),
  /** The filler comment is written when filler_ratio > this. */
  fillerComment: atLeastZero(0.03),
  min: z.number().default(0),
  max: z.number().default(100),
}).refine((c) => c.min <= c.max, { message: "min must be ≤ max", path: ["min"] });

const Tags = z.strictObject({
  /** A dimension with score ≥ this is a strength tag. */
  strengthAtLeast: atLeastZero(75),
  /** A dimension with score ≤ this is a risk tag. */
  riskAtMost: atLeastZero(50),
});

const Tasks = z.strictObject({
  /** A dimension gets a task only if its score is below this. */
  below: atLeastZero(70),
  /** How many of the lowest dimensions get a task. */
  count: z.number().int("must be a whole number").min(0, "must be ≥ 0").default(2),
  type: z.string().default("practice_session"),
  durationMin: z.number().int("must be a whole number").positive("must be > 0").default(20),
  /** The `focus` label per dimension name; a dimension not listed uses its own name. */
  focus: z.record(z.string(), z.string()).default({
    [DIMENSION_NAMES.clarity]: "口头表达与节奏",
    [DIMENSION_NAMES.reflection]: "复盘与反思能力",
  }),
});

/** Media bounds keyed by a known media feature (`MEDIA_FEATURES`); an unknown feature is an error with the nearest. */
const MediaBands = z.record(z.string(), Band).superRefine((media, ctx) => {
  for (const key of Object.keys(media)) {
    if ((MEDIA_FEATURES as readonly string[]).includes(key)) continue;
    const near = nearestName(key, MEDIA_FEATURES);
    ctx.addIssue({ code: "custom", path: [key], message: `unknown media feature; ${near ? `did you mean media.${near}?` : `known: ${MEDIA_FEATURES.join(", ")}`}` });
  }
});

/**
 * The backend's heuristic scoring rules as one typed config; every default is today's value
 * (`../shared/metrics-log.md`, "The heuristic scoring rules"). Strict: an unknown key anywhere is an error, values
 * are checked (thresholds and penalties ≥ 0, min ≤ max, whole counts, positive durations), and a missing key, at any
 * depth, takes today's value. Once every value is valid, a threshold out of order or past which its rule can never
 * fire is an error at its path (`ruleConflicts`: a mid deduction not below its high one, a strength tag not above the
 * risk tag or above 100, a task, comment or coverage threshold not above 0), its message one whole line flagged
 * `params.conflict`. Parse JSON with `parseRules` for one friendly message.
 *
 * @example RulesConfig.parse({ clarity: { length: { mid: 160 } } }).clarity.length.high // → 220
 * @example RulesConfig.safeParse({ tasks: { below: 0 } }).error?.issues[0].message // "tasks.below 0 is not above the lowest score 0: no dimension could ever get a task"
 */
export const RulesConfig = z.strictObject({
  clarity: Clarity.prefault({}),
  star: z.strictObject({
    dimension: z.string().default(DIMENSION_NAMES.star),
    /** Comments flag the result and action groups when their keyword coverage is below this. */
    commentCoverage: z.number().min(0, "must be ≥ 0").max(1, "must be ≤ 1 (a share)").default(0.4),
  }).prefault({}),
  reflection: z.strictObject({
    dimension: z.string().default(DIMENSION_NAMES.reflection),
    /** The reflection comment asks for more reflection below this score. */
    commentThreshold: atLeastZero(60),
  }).prefault({}),
  tags: Tags.prefault({}),
  tasks: Tasks.prefault({}),
  /**
   * Media-feature thresholds, keyed by feature name (`audio.speech_rate`): a session is flagged when its
   * per-session mean is below `min` or above `max`. None is set today: they have no effect until set.
   */
  media: MediaBands.default({}),
}).superRefine((rules, ctx) => {
  for (const c of ruleConflicts(rules)) ctx.addIssue({ code: "custom", path: c.path.split("."), message: c.message, params: { conflict: true } });
}, { when: (payload) => payload.issues.length === 0 });
export type RulesConfig = z.infer<typeof RulesConfig>;

/** Today's rules. */
export function defaultRules(): RulesConfig {
  return RulesConfig.parse({});
}

/** The task focus label for a dimension under `rules`. */
export function taskFocus(rules: RulesConfig, dimension: string): string {
  return rules.tasks.focus[dimension] ?? dimension;
}
