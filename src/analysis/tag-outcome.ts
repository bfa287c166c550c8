import type { ScoringInput } from "../rules/scoring-input";

/**
 * A binary outcome from tag masks: 1 where the session carries the tag (`"risk:<dimension>"` or
 * `"strength:<dimension>"`), 0 where it does not, `NaN` for sessions without dimension scores. The masks are the
 * logged ones by default; pass a `scoreSessions` output to read the tags some rules give. The outcome for Youden's J
 * in `suggestThreshold` and the tuner's agreement. Throws for an unknown tag or dimension, except where there are
 * no dimensions at all (an empty or media-only log): no session has scores then, so every outcome is `NaN`.
 *
 * @example suggestThreshold(input, rules, "media.audio.pause_ratio.max", { method: "youden", outcome: tagOutcome(input, "risk:结构化表达（STAR）") })
 */
export function tagOutcome(input: ScoringInput, tag: string, masks: { strength: Int32Array; risk: Int32Array } = input.log): Float64Array {
  if (input.dimensions.length === 0) return new Float64Array(input.log.overall.length).fill(NaN);
  const m = /^(risk|strength):(.+)$/.exec(tag);
  const d = m ? input.dimensions.indexOf(m[2]) : -1;
  if (!m || d < 0) throw new Error(`unknown outcome ${JSON.stringify(tag)}: expected risk:<dimension> or strength:<dimension> with one of ${input.dimensions.join(", ")}`);
  const bits = m[1] === "risk" ? masks.risk : masks.strength;
  const out = new Float64Array(bits.length);
  for (let i = 0; i < bits.length; i++) out[i] = Number.isFinite(input.log.overall[i]) ? (bits[i] >> d) & 1 : NaN;
  return out;
}
