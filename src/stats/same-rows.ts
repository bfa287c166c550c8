/**
 * True when two lists of row indices hold the same rows in the same order: what lets an analysis reuse ranks it
 * computed over the rows of an earlier column.
 *
 * @example sameRows(Int32Array.of(0, 2), Int32Array.of(0, 2)) // true
 */
export function sameRows(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
