/**
 * The candidate closest to `name` by edit distance (case-insensitive), or `undefined` when none is close enough to be
 * a likely typo (more than a third of the longer name's characters differ, and more than 2). A candidate that
 * contains `name` (or is contained in it) counts as close: `STAR` → `结构化表达（STAR）`.
 *
 * @example nearestName("riskAtmost", ["strengthAtLeast", "riskAtMost"]) // → "riskAtMost"
 */
export function nearestName(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const cl = c.toLowerCase();
    const d = cl === lower ? 0 : lower.length > 1 && (cl.includes(lower) || lower.includes(cl)) ? 1 : editDistance(lower, cl);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  if (best === undefined) return undefined;
  return bestDistance <= Math.max(2, Math.floor(Math.max(name.length, best.length) / 3)) ? best : undefined;
}

/** Levenshtein distance between two strings (by UTF-16 code unit). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}
