/**
 * A min-heap of timed events, the generator's only heap (the event loop of a block, the merge of blocks). Ties on
 * time are broken by `tie` (a number given to `push`; by default the insertion order), so generation is
 * deterministic.
 *
 * @example
 * const h = new EventHeap<string>();
 * h.push(2, "b"); h.push(1, "a", 7);
 * h.pop() // { time: 1, value: "a" }
 */
export class EventHeap<T> {
  private items: { time: number; tie: number; value: T }[] = [];
  private seq = 0;

  get size(): number {
    return this.items.length;
  }

  peekTime(): number {
    return this.items.length > 0 ? this.items[0].time : Infinity;
  }

  /** Adds `value` at `time`; among equal times the smaller `tie` comes first (default: insertion order). */
  push(time: number, value: T, tie: number = this.seq++): void {
    const items = this.items;
    items.push({ time, tie, value });
    let i = items.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.less(items[p], items[i])) break;
      [items[p], items[i]] = [items[i], items[p]];
      i = p;
    }
  }

  pop(): { time: number; value: T } | undefined {
    const items = this.items;
    if (items.length === 0) return undefined;
    const top = items[0];
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && this.less(items[l], items[m])) m = l;
        if (r < items.length && this.less(items[r], items[m])) m = r;
        if (m === i) break;
        [items[m], items[i]] = [items[i], items[m]];
        i = m;
      }
    }
    return top;
  }

  private less(a: { time: number; tie: number }, b: { time: number; tie: number }): boolean {
    return a.time < b.time || (a.time === b.time && a.tie < b.tie);
  }
}
