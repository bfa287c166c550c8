/**
 * Runs a computation given as steps (a generator that yields between its parts) to its end, and returns its result:
 * what a caller with nothing to do between the steps does (see `featureLinksAlongside`).
 *
 * @example runSteps(qualityFigureSteps(t.sessions, t.dimensions)).cronbach_alpha
 */
export function runSteps<T>(steps: Iterator<unknown, T, undefined>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
