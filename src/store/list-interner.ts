import { Interner } from "./interner";

/**
 * Lists of strings, coded by their JSON: each distinct list is decoded once (frozen, its strings shared through
 * the store's string `Interner`); `values[code]` is the list, code 0 `null`.
 *
 * @example const l = new ListInterner(strings); l.values[l.code('["a"]')] // ["a"]
 */
export class ListInterner {
  readonly values: (readonly string[] | null)[] = [null];
  private keys = new Interner({ nullFirst: true });
  constructor(private readonly strings: Interner) {}

  /** Lists that go on from `values` (a `ListInterner`'s, each coded as its index). */
  static from(values: readonly (readonly string[] | null)[], strings: Interner): ListInterner {
    const lists = new ListInterner(strings);
    lists.values.length = 0;
    lists.keys = Interner.from(values.map((v) => (v === null ? null : JSON.stringify(v))));
    for (const v of values) lists.values.push(v === null ? null : Object.isFrozen(v) ? v : Object.freeze([...v]));
    return lists;
  }

  /** The code of a list given as JSON (`null`: no list). */
  code(json: string | null): number {
    const before = this.keys.values.length;
    const code = this.keys.code(json);
    if (code === before) this.values.push(Object.freeze((JSON.parse(json!) as string[]).map((s) => this.strings.values[this.strings.code(s)]!)));
    return code;
  }
}
