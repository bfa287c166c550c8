/**
 * A column of numbers appended part by part (each part copied in, so the parts — small buffers sent by workers —
 * are freed at once) and trimmed once to exactly its length. A missing value is `NaN`. Internal to the join layer.
 */
export class Float64Parts {
  private data = new Float64Array(1024);
  length = 0;

  push(part: ArrayLike<number>): void {
    const need = this.length + part.length;
    if (need > this.data.length) {
      // Grow by half: the old buffer, large, goes straight back to the system when freed.
      const bigger = new Float64Array(Math.max(need, Math.ceil(this.data.length * 1.5)));
      bigger.set(this.data.subarray(0, this.length));
      this.data = bigger;
    }
    this.data.set(part, this.length);
    this.length = need;
  }

  /** Pads with `NaN` up to `length` (a column that appeared after earlier rows). */
  padTo(length: number): void {
    if (this.length >= length) return;
    const from = this.length;
    this.push(new Float64Array(length - from));
    this.data.fill(NaN, from, length);
  }

  /** All values in an array of exactly `length`; a second call costs nothing. */
  concat(): Float64Array {
    if (this.data.length !== this.length) this.data = this.data.slice(0, this.length);
    return this.data;
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
