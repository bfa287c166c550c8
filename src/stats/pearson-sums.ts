/** The sums behind a Pearson correlation: they add up across blocks of data (and cross threads as plain objects). */
export interface CorrSums { n: number; sx: number; sy: number; sxx: number; syy: number; sxy: number }

/**
 * A streaming Pearson correlation: `add` pairs one at a time, `merge` the sums of another accumulator, `value` the r.
 *
 * @example
 * const c = new PearsonSums();
 * [[1, 2], [2, 4], [3, 5], [4, 9]].forEach(([x, y]) => c.add(x, y));
 * c.value() // 0.9548…
 */
export class PearsonSums implements CorrSums {
  n = 0; sx = 0; sy = 0; sxx = 0; syy = 0; sxy = 0;

  add(x: number, y: number): void {
    this.n++; this.sx += x; this.sy += y; this.sxx += x * x; this.syy += y * y; this.sxy += x * y;
  }

  /** The sums as a plain object. */
  sums(): CorrSums {
    return { n: this.n, sx: this.sx, sy: this.sy, sxx: this.sxx, syy: this.syy, sxy: this.sxy };
  }

  merge(o: CorrSums): void {
    this.n += o.n; this.sx += o.sx; this.sy += o.sy; this.sxx += o.sxx; this.syy += o.syy; this.sxy += o.sxy;
  }

  /** Pearson's r; `null` when n < 3 or either variable is constant. */
  value(): number | null {
    const { n, sx, sy } = this;
    const cov = this.sxy - (sx * sy) / n;
    const vx = this.sxx - (sx * sx) / n;
    const vy = this.syy - (sy * sy) / n;
    return n < 3 || vx <= 0 || vy <= 0 ? null : cov / Math.sqrt(vx * vy);
  }
}
