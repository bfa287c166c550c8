import { z } from "zod";

/**
 * What a field's values are expected to be. A value outside it is not rejected (the row may still be right
 * elsewhere): the loader reports it as `out_of_range` and keeps the row.
 */
export const ExpectedRange = z.object({
  min: z.number().optional(),
  max: z.number().optional(),
  /** For strings: the empty string is out of range. */
  nonEmpty: z.boolean().optional(),
});
export type ExpectedRange = z.infer<typeof ExpectedRange>;

/** The schemas of fields with an expected range; read by `outOfRange` (`src/load/out-of-range.ts`). */
export const EXPECTED_RANGES = z.registry<ExpectedRange>();

/** A score of 0–100 (dimension scores, the overall score, the reflection score). */
export const SCORE: ExpectedRange = { min: 0, max: 100 };
/** A share of 0–1 (filler ratio, pause ratio, eye contact, emotion shares). */
export const RATIO: ExpectedRange = { min: 0, max: 1 };
/** A count, a length, a rate, a duration: never negative. */
export const NON_NEGATIVE: ExpectedRange = { min: 0 };
/** An id: never the empty string. */
export const NON_EMPTY: ExpectedRange = { nonEmpty: true };

/**
 * Registers the range `schema`'s values are expected in, and returns `schema` (its type unchanged).
 *
 * @example const score = expected(z.number(), SCORE).nullable(); // 250 parses, and is reported out of range
 */
export function expected<T extends z.ZodType>(schema: T, range: ExpectedRange): T {
  EXPECTED_RANGES.add(schema as z.ZodType, range);
  return schema;
}
