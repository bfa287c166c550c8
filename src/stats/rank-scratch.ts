/** Radix sort keys: the high and low words of each value's sortable bits, and the value's index. */
export interface SortKeys {
  lo: Uint32Array;
  hi: Uint32Array;
  index: Int32Array;
}

/**
 * Buffers that `sortedPresent` and `ranksInOrder` reuse from call to call, for a caller that ranks many columns in
 * a row on one thread (the links, dimension quality). At 2M values one sort needs 48 MB of keys and one ranking a
 * 16 MB temporary: allocated per call they were most of the typed arrays whose volume starts V8's full collections
 * (one per ~64 MB of new external memory). Grown to the largest length asked, never shrunk: it holds that memory as
 * long as its owner keeps it.
 *
 * @example const scratch = new RankScratch(); for (const c of columns) sortedPresent(c, scratch);
 */
export class RankScratch {
  private sets: [SortKeys, SortKeys] | undefined;
  private inOrder: Float64Array | undefined;

  /** Two sets of sort keys of length `m` (views of the scratch), overwritten by the next call. */
  keys(m: number): [SortKeys, SortKeys] {
    if (!this.sets || this.sets[0].lo.length < m) this.sets = [sortKeys(m), sortKeys(m)];
    const view = (k: SortKeys): SortKeys => ({ lo: k.lo.subarray(0, m), hi: k.hi.subarray(0, m), index: k.index.subarray(0, m) });
    return [view(this.sets[0]), view(this.sets[1])];
  }

  /** A `Float64Array` of length `n` (a view of the scratch), overwritten by the next call. */
  ranks(n: number): Float64Array {
    if (!this.inOrder || this.inOrder.length < n) this.inOrder = new Float64Array(n);
    return this.inOrder.subarray(0, n);
  }
}

/** Fresh sort keys of length `m`. */
export function sortKeys(m: number): SortKeys {
  return { lo: new Uint32Array(m), hi: new Uint32Array(m), index: new Int32Array(m) };
}
