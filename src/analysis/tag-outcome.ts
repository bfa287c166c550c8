import type { ScoringInput } from "../rules/scoring-input";

/**
 * A binary outcome from the log: 1 where the logged report carries the tag (`"risk:<dimension>"` or
 * `"strength:<dimension>"`), 0 where it does not, `NaN` for sessions without dimension scores. The outcome for
 * Youden's J in `suggestThreshold` and for the tuner's agreement. Throws for an unknown tag or dimension.
 *
 * @example suggestThreshold(input, rules, "media.audio.pause_ratio.max", { method: "youden", outcome: tagOutcome(input, "risk:结构化表达（STAR）") })
 */
export function tagOutcome(input: ScoringInput, tag: string): Float64Array {
  const m = /^(risk|strength):(.+)$/.exec(tag);
  const d = m ? input.dimensions.indexOf(m[2]) : -1;
  if (!m || d < 0) throw new Error(`unknown outcome ${JSON.stringify(tag)}: expected risk:<dimension> or strength:<dimension> with one of ${input.dimensions.join(", ")}`);
  const masks = m[1] === "risk" ? input.log.risk : input.log.strength;
  return Float64Array.from(masks, (mask, i) => (Number.isFinite(input.log.overall[i]) ? (mask >> d) & 1 : NaN));
}
