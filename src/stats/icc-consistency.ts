/**
 * ICC(C,1) of McGraw & Wong (1996) — ICC(3,1) of Shrout & Fleiss (1979): the two-way mixed-effects, consistency,
 * single-measure intraclass correlation of a complete subjects × occasions matrix,
 * (MS_rows − MS_error) / (MS_rows + (k − 1) · MS_error). The occasions (columns) are a fixed effect, so a shift
 * common to everyone at an occasion (the cohort's practice gain from session 1 to 2) does not lower it.
 * `rows[i][j]` is subject i at occasion j; every row has the same k ≥ 2 finite values. `undefined` with fewer than
 * 2 subjects or no variance left.
 *
 * @example iccConsistency([[1, 2, 3], [3, 4, 5], [5, 6, 8]]) // 0.9767…
 */
export function iccConsistency(rows: readonly (readonly number[])[]): number | undefined {
  const k = rows[0]?.length ?? 0;
  if (rows.length < 2 || k < 2) return undefined;
  const flat = new Float64Array(rows.length * k);
  rows.forEach((r, i) => {
    if (r.length !== k) throw new Error(`iccConsistency requires rows of equal length (${r.length} ≠ ${k})`);
    flat.set(r, i * k);
  });
  return iccConsistencyOf(flat, k);
}

/**
 * `iccConsistency` of a matrix stored row by row in one typed array (`values[i * k + j]`: subject i at occasion j):
 * no array per subject. The same arithmetic, in the same order, so the same result.
 *
 * @example iccConsistencyOf(Float64Array.of(1, 2, 3, 3, 4, 5, 5, 6, 8), 3) // 0.9767…
 */
export function iccConsistencyOf(values: ArrayLike<number>, k: number): number | undefined {
  const n = k > 0 ? Math.floor(values.length / k) : 0;
  if (n < 2 || k < 2) return undefined;
  const colMean = new Float64Array(k);
  const rowMean = new Float64Array(n);
  let grand = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < k; j++) { s += values[i * k + j]; colMean[j] += values[i * k + j] / n; }
    grand += s / (n * k);
    rowMean[i] = s / k;
  }
  let ssTotal = 0, ssRows = 0, ssCols = 0;
  for (let i = 0; i < n; i++) {
    ssRows += k * (rowMean[i] - grand) ** 2;
    for (let j = 0; j < k; j++) ssTotal += (values[i * k + j] - grand) ** 2;
  }
  for (let j = 0; j < k; j++) ssCols += n * (colMean[j] - grand) ** 2;
  const msRows = ssRows / (n - 1);
  const msError = (ssTotal - ssRows - ssCols) / ((n - 1) * (k - 1));
  const denominator = msRows + (k - 1) * msError;
  return denominator > 0 ? (msRows - msError) / denominator : undefined;
}
