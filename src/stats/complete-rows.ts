/**
 * The rows where every column has a finite value, ascending: the first column's present rows, narrowed column by
 * column (each later pass reads only the rows still kept).
 *
 * @example completeRows([Float64Array.of(1, NaN, 3, 4), Float64Array.of(5, 6, NaN, 8)]) // Int32Array [0, 3]
 */
export function completeRows(columns: readonly ArrayLike<number>[]): Int32Array {
  if (columns.length === 0) return new Int32Array(0);
  const first = columns[0];
  const rows = new Int32Array(first.length);
  let m = 0;
  for (let i = 0; i < first.length; i++) if (Number.isFinite(first[i])) rows[m++] = i;
  for (let c = 1; c < columns.length; c++) {
    const column = columns[c];
    let k = 0;
    for (let p = 0; p < m; p++) {
      const i = rows[p];
      if (Number.isFinite(column[i])) rows[k++] = i;
    }
    m = k;
  }
  return rows.slice(0, m);
}
