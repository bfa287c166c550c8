import { DIMENSION_NAMES } from "../rules/rules-config";
import type { ScenarioParams } from "./scenarios";

/** What a media feature follows in the simulation: the session's clarity ability, or the mean of its abilities. */
export type LinkDriver = "clarity" | "general";

/** One planted link: the feature follows `driver` with `weight` × the scenario's link strength. */
export interface PlantedLink {
  feature: string;
  driver: LinkDriver;
  /** The observed score the truth names as the link's target. */
  target: string;
  /** Signed weight at link strength 1 (the coefficient the simulation uses, see `mediaRows`). */
  weight: number;
}

/**
 * The planted links: the one table the media simulation reads its coefficients from and the truth file reports.
 * `speech_rate` is log-linear in clarity ability, `pause_ratio` linear, `filler_word_ratio` follows the speaker's
 * filler rate (its weight sets the noise: stronger links, less noise), eye contact follows the general ability.
 */
export const PLANTED_LINKS: readonly PlantedLink[] = [
  { feature: "audio.speech_rate", driver: "clarity", target: DIMENSION_NAMES.clarity, weight: 0.12 },
  { feature: "audio.pause_ratio", driver: "clarity", target: DIMENSION_NAMES.clarity, weight: -0.05 },
  { feature: "audio.filler_word_ratio", driver: "clarity", target: DIMENSION_NAMES.clarity, weight: -1 },
  { feature: "video.eye_contact_score", driver: "general", target: "overall_score", weight: 0.9 },
];

/** Media features the simulation draws independently of everything (the null links). */
export const NULL_FEATURES = ["audio.pitch_variance", "video.smile_ratio", "video.posture_score", "video.head_movement_score"] as const;

/**
 * A planted link's coefficient in a scenario: its weight × the scenario's link strength. Throws for a feature
 * without a planted link.
 *
 * @example plantedCoefficient("video.eye_contact_score", scenario("baseline")) // 0.315 (0.9 × 0.35)
 */
export function plantedCoefficient(feature: string, params: ScenarioParams): number {
  const link = PLANTED_LINKS.find((l) => l.feature === feature);
  if (!link) throw new Error(`no planted link for ${feature}`);
  return link.weight * params.media.linkStrength;
}

/**
 * The truth's `features`: per feature and target, the planted coefficient (0 = none listed). A planted threshold
 * replaces its feature's link by the step on its outcome (coefficient 1).
 *
 * @example plantedFeatures(scenario("baseline"))["audio.pitch_variance"] // {}
 */
export function plantedFeatures(params: ScenarioParams): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  const pt = params.plantedThreshold;
  for (const l of PLANTED_LINKS) {
    out[l.feature] = pt && pt.feature === l.feature ? { [pt.outcome]: 1 } : { [l.target]: plantedCoefficient(l.feature, params) };
  }
  for (const f of NULL_FEATURES) out[f] = {};
  return out;
}
