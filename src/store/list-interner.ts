import { Interner } from "./interner";

/**
 * The key a list of strings is coded by, on the thread that parses it: its length and its items joined by NUL
 * (`["a", "b"]` → `"2:a\0b"`; `[]` → `"0:"`, `[""]` → `"1:"`), or its JSON behind `J` when an item holds a NUL
 * itself — two different lists never share a key. Cheaper than `JSON.stringify` for every row.
 *
 * @example listKey(["STAR", "表达"]) // "2:STAR\u0000表达"; listKey(null) // null
 */
export function listKey(xs: readonly string[] | null | undefined): string | null {
  if (xs == null) return null;
  return xs.some((x) => x.includes("\0")) ? `J${JSON.stringify(xs)}` : `${xs.length}:${xs.join("\0")}`;
}

/** The list a `listKey` stands for. @example listOfKey("2:a\u0000b") // ["a", "b"] */
export function listOfKey(key: string): string[] {
  if (key[0] === "J") return JSON.parse(key.slice(1)) as string[];
  const colon = key.indexOf(":");
  return Number(key.slice(0, colon)) === 0 ? [] : key.slice(colon + 1).split("\0");
}

/**
 * Lists of strings, coded by their key (`listKey`): each distinct list is decoded once (frozen, its strings shared through
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
    lists.keys = Interner.from(values.map(listKey));
    for (const v of values) lists.values.push(v === null ? null : Object.isFrozen(v) ? v : Object.freeze([...v]));
    return lists;
  }

  /** The code of a list given by its key (`listKey`; `null`: no list). */
  code(key: string | null): number {
    const before = this.keys.values.length;
    const code = this.keys.code(key);
    if (code === before) this.values.push(Object.freeze(listOfKey(key!).map((s) => this.strings.values[this.strings.code(s)]!)));
    return code;
  }
}
