/**
 * An empty record for keys that come from the data (dimension names, feature names): it has no prototype, so a key
 * such as `__proto__` or `constructor` is an ordinary own key, kept and serialised like any other.
 *
 * @example const r = nameRecord<number>(); r["__proto__"] = 1; JSON.stringify(r) // '{"__proto__":1}'
 */
export function nameRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
