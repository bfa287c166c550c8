import { ValueIndex } from "./value-index";

/** What a parsing thread's interner sends with a chunk: the values it coded since the last chunk, in code order. */
export interface InternerDelta {
  /** Which thread's interner (codes of different threads are unrelated). */
  id: number;
  /** The codes started again at 0 with this delta (the interner passed its bound). */
  reset: boolean;
  added: (string | null)[];
}

/** Options of an `Interner`. */
export interface InternerOptions {
  /** Names the interner in its deltas (a parsing thread's number). Default 0. */
  id?: number;
  /** Code 0 is `null` from the start. Default false. */
  nullFirst?: boolean;
  /**
   * Past this many characters the interner starts afresh at its next `take()` (which says so), so that free text
   * that never repeats cannot grow a parsing thread without end. Default: no bound.
   */
  maxChars?: number;
}

/**
 * The store's one string interner: each distinct value gets the next code the first time it is seen, and
 * `values[code]` gives it back. A parsing thread codes its rows with one and sends `take()` with each chunk (each
 * distinct string crosses threads once); the assembler keeps one for the whole load, into which the threads'
 * codes are mapped, and whose `values` the coded columns read.
 *
 * @example const s = new Interner({ nullFirst: true }); s.code("a") // 1; s.code(null) // 0; s.values // [null, "a"]
 */
export class Interner {
  readonly values: (string | null)[] = [];
  private index = new Map<string | null, number>();
  /** The values an interner `from` went on from, until `take` starts afresh. */
  private base: ValueIndex | undefined;
  private taken = 0;
  private chars = 0;
  private reset = false;
  readonly id: number;

  constructor(private readonly options: InternerOptions = {}) {
    this.id = options.id ?? 0;
    if (options.nullFirst) this.code(null);
  }

  /**
   * An interner that goes on from `values` (each coded as its index; the array is taken over, not copied: new
   * values are appended to it); its next `take()` gives only what comes after.
   */
  static from(values: (string | null)[], options: InternerOptions = {}): Interner {
    const interner = new Interner({ ...options, nullFirst: false });
    // The values given are looked up in a `ValueIndex` (built faster than a Map), or in the Map when their hashes
    // cluster; those coded later, in the Map.
    try {
      interner.base = ValueIndex.of(values);
    } catch {
      throw new TypeError("Interner.from: the values repeat");
    }
    if (!interner.base) {
      values.forEach((v, i) => interner.index.set(v, i));
      if (interner.index.size !== values.length) throw new TypeError("Interner.from: the values repeat");
    }
    (interner as { values: (string | null)[] }).values = values;
    interner.taken = values.length;
    return interner;
  }

  /** The value's code (`undefined` is coded as `null`). */
  code(value: string | null | undefined): number {
    const v = value ?? null;
    let code = this.index.get(v) ?? this.base?.find(v);
    if (code === undefined) {
      code = this.values.length;
      this.index.set(v, code);
      this.values.push(v);
      if (v !== null) this.chars += v.length;
    }
    return code;
  }

  /** The values coded since the last call, and whether the codes restarted; past `maxChars` the next codes start again. */
  take(): InternerDelta {
    const delta = { id: this.id, reset: this.reset, added: this.values.slice(this.taken) };
    this.taken = this.values.length;
    this.reset = this.chars > (this.options.maxChars ?? Infinity);
    if (this.reset) {
      this.index.clear();
      this.base = undefined;
      this.values.length = 0;
      this.taken = 0;
      this.chars = 0;
    }
    return delta;
  }
}

/** The bound of a parsing thread's interner: 2^20 characters (see `InternerOptions.maxChars`). */
export const PARSER_INTERNER_CHARS = 1 << 20;
