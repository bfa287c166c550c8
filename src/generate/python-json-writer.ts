/** Marks a number that Python holds as an `int` (written without a fraction); every other number is a float. */
export class PyInt {
  constructor(readonly value: number) {}
}

/** Wraps an integer for `pyDumps`. */
export const pyInt = (n: number) => new PyInt(Math.trunc(n));

/** Python's float repr: shortest round-trip digits, always with a fraction or exponent (`100.0`, `1e-05`, `nan` → `NaN`). */
export function pyFloat(x: number): string {
  if (x !== Math.trunc(x)) {
    const abs = Math.abs(x);
    if (abs >= 1e-4 && abs < 1e16) return String(x); // the common case: JS and Python agree
  }
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "Infinity";
  if (x === -Infinity) return "-Infinity";
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return `${x}.0`;
  const abs = Math.abs(x);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e16)) {
    const [m, e] = x.toExponential().split("e");
    const exp = Number(e);
    return `${m}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  return String(x);
}

/**
 * Serialises like Python's `json.dumps(value, ensure_ascii=False)`: separators `", "` and `": "`, non-ASCII text
 * kept as UTF-8, floats in Python's repr, bare `NaN`/`Infinity` tokens, `PyInt` as integers.
 *
 * @example pyDumps({ a: 1, b: [pyInt(2), NaN], c: "中" }) // '{"a": 1.0, "b": [2, NaN], "c": "中"}'
 */
export function pyDumps(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "number") return pyFloat(value);
  if (value instanceof PyInt) return String(value.value);
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) out += i === 0 ? pyDumps(value[i]) : `, ${pyDumps(value[i])}`;
    return `${out}]`;
  }
  let out = "{";
  let first = true;
  for (const key in value as Record<string, unknown>) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined) continue;
    let k = KEYS.get(key);
    if (k === undefined) {
      k = `${JSON.stringify(key)}: `;
      KEYS.set(key, k);
    }
    out += first ? k + pyDumps(v) : `, ${k}${pyDumps(v)}`;
    first = false;
  }
  return `${out}}`;
}

/** Serialised keys (`"name": `), cached: rows repeat the same few dozen keys. */
const KEYS = new Map<string, string>();

/** Python's `datetime.isoformat()` of a naive UTC datetime: microseconds, or no fraction when they are zero. */
export function pyIsoformat(ms: number, micros: number): string {
  const base = new Date(ms).toISOString().slice(0, 19);
  return micros === 0 ? base : `${base}.${String(micros).padStart(6, "0")}`;
}
