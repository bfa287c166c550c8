/**
 * A growable column of numbers backed by a Float64Array; a missing value is `NaN`.
 * (Internal to the join layer: tables receive the trimmed Float64Array.)
 */
export class NumberColumn {
  private data = new Float64Array(1024);
  length = 0;

  push(value: number | null | undefined): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value ?? NaN;
  }

  /** Pads with `NaN` up to `length` (a column that appeared after earlier rows). */
  padTo(length: number): void {
    while (this.length < length) this.push(NaN);
  }

  get(i: number): number {
    return this.data[i];
  }

  /** The values at `indices`, as a new Float64Array. */
  pick(indices: ArrayLike<number>): Float64Array {
    const out = new Float64Array(indices.length);
    for (let i = 0; i < indices.length; i++) out[i] = this.data[indices[i]];
    return out;
  }

  /** All values, trimmed to `length`. */
  values(): Float64Array {
    return this.data.slice(0, this.length);
  }
}

/** Returns the same instance for equal values, so repeated strings and lists cost memory once. */
export class Interner<T> {
  private map = new Map<string, T>();
  get(key: string, make: () => T): T {
    let v = this.map.get(key);
    if (v === undefined) {
      v = make();
      this.map.set(key, v);
    }
    return v;
  }
}
