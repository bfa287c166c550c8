/**
 * Benjamini–Hochberg q-values (adjusted p-values) of a family of tests: q₍ᵢ₎ = min over j ≥ i of p₍ⱼ₎ · m / j, capped
 * at 1, in the input order. Calling a test a discovery when q < α controls the false discovery rate at α over the
 * family (Benjamini & Hochberg, 1995). Missing p-values (NaN) are not tests: they get NaN and do not count in m.
 *
 * @example benjaminiHochberg([0.01, 0.04, 0.03, 0.2]) // [0.04, 0.0533…, 0.0533…, 0.2]
 */
export function benjaminiHochberg(p: readonly number[]): number[] {
  const tests = p.map((_, i) => i).filter((i) => Number.isFinite(p[i]));
  tests.sort((a, b) => p[a] - p[b]);
  const m = tests.length;
  const q = new Array<number>(p.length).fill(NaN);
  let running = 1;
  for (let k = m - 1; k >= 0; k--) {
    const i = tests[k];
    running = Math.min(running, (p[i] * m) / (k + 1));
    q[i] = running;
  }
  return q;
}
