import { pyRound } from "../rules/py-round";
import type { Rng } from "./rng";
import type { ResolvedOptions, ScenarioParams } from "./scenarios";

/** A simulated student: latent abilities that grow with practice, habits of speech, and a number of sessions. */
export interface Student {
  id: string | null;
  /** The common ability factor. */
  g: number;
  /** Ability per dimension at the first session (latent SD units) and its growth per session. */
  theta: number[];
  growth: number[];
  improver: boolean;
  /** Log-scale offsets of answer length and filler rate. */
  verbosity: number;
  filler: number;
  chinese: boolean;
  sessions: number;
  done: number;
}

/** Latent SDs of first → last gain that make a student a planted improver. */
export const CLEAR_GAIN = 2;

/**
 * Draws a new student (`id` is the user id, or `null` for a guest with one session).
 *
 * @example const s = newStudent(createRng(1), scenario("baseline"), options, "u_0001"); s.theta.length // 3
 */
export function newStudent(rng: Rng, params: ScenarioParams, options: ResolvedOptions, id: string): Student {
  const g = rng.normal();
  const guest = rng.bernoulli(params.quirks.guest);
  const improver = rng.bernoulli(params.improverShare);
  const theta = params.dimensions.map((d) => d.loading * g + Math.sqrt(1 - d.loading ** 2) * rng.normal());
  const growth = params.dimensions.map((d) => {
    if (params.improverShare > 0 && !improver && d.growth > 0) return 0;
    return Math.max(0, rng.normal(d.growth, d.growthSd));
  });
  const [lo, hi] = options.sessions;
  return {
    id: guest ? null : id, g, theta, growth, improver,
    verbosity: rng.normal(0, params.answerLength.studentSd), filler: rng.normal(0, params.filler.studentSd),
    chinese: !rng.bernoulli(params.language.english), sessions: guest ? 1 : rng.int(lo, hi), done: 0,
  };
}

/** The student's latent ability per dimension at their session `k` (0-based). */
export function abilityAt(student: Student, k: number): number[] {
  return student.theta.map((th, d) => th + student.growth[d] * k);
}

/**
 * What the truth records of a student, per dimension index: the planted gain from first to last session
 * (3 decimals; dimensions without growth omitted), and whether it makes a planted improver (≥ `CLEAR_GAIN` over at
 * least 3 sessions, on a dimension planted to grow).
 */
export function plantedGains(student: Student, params: ScenarioParams): { gain: (number | undefined)[]; improver: boolean[] } {
  const total = student.growth.map((g) => g * (student.sessions - 1));
  return {
    gain: total.map((t, k) => (student.growth[k] > 0 ? pyRound(t, 3) : undefined)),
    improver: total.map((t, k) => student.id !== null && student.sessions >= 3 && params.dimensions[k].growth > 0 && t >= CLEAR_GAIN),
  };
}
