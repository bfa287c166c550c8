/**
 * Runs a computation given as steps (a generator that yields between its parts) to its end, and returns its result;
 * `between`, when given, runs after each step (the links' worker fed while the analysis computes, see
 * `linksInParallel`).
 *
 * @example runSteps(qualityFigureSteps(t.sessions, t.dimensions)).cronbach_alpha
 */
export function runSteps<T>(steps: Iterator<unknown, T, undefined>, between?: () => void): T {
  for (;;) {
    const r = steps.next();
    between?.();
    if (r.done) return r.value;
  }
}
