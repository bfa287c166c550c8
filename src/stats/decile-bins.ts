
/** The mean of y over one bin of x: the bin's upper edge, the mean and the count. */
export interface BinnedMean {
  upper: number;
  mean: number;
  n: number;
}

/**
 * Mean of y within each decile of x (ties kept together, so there may be fewer than 10 bins), in one sorted walk.
 * `x` and `y` are complete pairs (see `pairedValues`); `order` is x's ascending order when the caller has it.
 *
 * @example decileBins([1, 2, 3, 4], [10, 20, 30, 40]).map(b => b.mean) // one bin per distinct decile edge
 */
export function decileBins(x: ArrayLike<number>, y: ArrayLike<number>, order?: ArrayLike<number>): BinnedMean[] {
  return binnedMeans(decileIndex(x, order), y);
}

/** Each pair's decile bin of x, to bin many y's over the same pairs: the bins' upper edges and the bin of each pair. */
export interface DecileIndex {
  edges: number[];
  bin: Uint8Array;
}

/**
 * The decile bins of x (see `decileBins`) as an index: the distinct decile edges and each value's bin (the first
 * edge at or above it), read off x's ascending order.
 */
export function decileIndex(x: ArrayLike<number>, order?: ArrayLike<number>): DecileIndex {
  const bin = new Uint8Array(x.length);
  if (x.length === 0) return { edges: [], bin };
  const ord = order ?? Int32Array.from({ length: x.length }, (_, i) => i).sort((a, b) => x[a] - x[b]);
  const edges = [...new Set(Array.from({ length: 10 }, (_, k) => quantileInOrder(x, ord, (k + 1) / 10)))];
  let b = 0;
  for (let k = 0; k < ord.length; k++) {
    const i = ord[k];
    while (b < edges.length - 1 && x[i] > edges[b]) b++;
    bin[i] = b;
  }
  return { edges, bin };
}

/** The mean of y in each non-empty bin of the index, in the order of the bins: one sequential pass over the pairs. */
export function binnedMeans({ edges, bin }: DecileIndex, y: ArrayLike<number>): BinnedMean[] {
  const sum = new Float64Array(edges.length);
  const count = new Float64Array(edges.length);
  for (let i = 0; i < bin.length; i++) {
    sum[bin[i]] += y[i];
    count[bin[i]]++;
  }
  const bins: BinnedMean[] = [];
  edges.forEach((upper, b) => { if (count[b] > 0) bins.push({ upper, mean: sum[b] / count[b], n: count[b] }); });
  return bins;
}

/**
 * The p-quantile of `x` read through its ascending order, without sorting a copy: simple-statistics' `quantileSorted`
 * (numpy's linear method, type 7) on the values `x[order[k]]`.
 */
function quantileInOrder(x: ArrayLike<number>, order: ArrayLike<number>, p: number): number {
  const n = order.length;
  if (p >= 1) return x[order[n - 1]];
  if (p <= 0) return x[order[0]];
  const idx = (n - 1) * p;
  if (idx % 1 === 0) return x[order[idx]];
  const lower = Math.floor(idx);
  const a = x[order[lower]];
  return a + (idx - lower) * (x[order[Math.ceil(idx)]] - a);
}
