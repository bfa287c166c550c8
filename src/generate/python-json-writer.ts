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
 * Serialises like Python's `json.dumps(value, ensure_ascii=False)` straight into UTF-8 bytes: separators `", "` and
 * `": "`, non-ASCII text kept as UTF-8, floats in Python's repr, bare `NaN`/`Infinity` tokens, `PyInt` as integers.
 * Bytes accumulate in `buf[0 … at)` until `reset()`; nothing is built as an intermediate string (the generator writes
 * a million rows a minute through it).
 */
export class PyJsonWriter {
  buf: Buffer = Buffer.allocUnsafe(1 << 16);
  at = 0;

  reset(): void {
    this.at = 0;
  }

  /** The bytes written since `start`, as a view (valid until the next `reset()`). */
  view(start: number): Uint8Array {
    return this.buf.subarray(start, this.at);
  }

  value(value: unknown): void {
    switch (typeof value) {
      case "number":
        return this.float(value);
      case "string":
        return this.text(value);
      case "boolean":
        return this.ascii(value ? "true" : "false");
      case "undefined":
        return this.ascii("null");
    }
    if (value === null) return this.ascii("null");
    if (value instanceof PyInt) return this.ascii(String(value.value));
    if (Array.isArray(value)) {
      this.byte(91); // [
      for (let i = 0; i < value.length; i++) {
        if (i > 0) this.ascii(", ");
        this.value(value[i]);
      }
      return this.byte(93);
    }
    this.byte(123); // {
    let first = true;
    for (const key in value as Record<string, unknown>) {
      const v = (value as Record<string, unknown>)[key];
      if (v === undefined) continue;
      let k = KEYS.get(key);
      if (k === undefined) KEYS.set(key, (k = Buffer.from(`, ${JSON.stringify(key)}: `, "utf8")));
      this.copy(k, first ? 2 : 0);
      this.value(v);
      first = false;
    }
    this.byte(125);
  }

  /**
   * A float as Python's repr writes it (`pyFloat`), digit by digit for the generator's usual numbers: integers
   * below 1e15 (`100.0`), and values in [1e-4, 1e9) with at most 6 decimals — x is then the double nearest to
   * m / 10^d for the smallest such d, so those d digits are its shortest repr. Anything else goes through `pyFloat`.
   */
  float(x: number): void {
    const abs = x < 0 ? -x : x;
    if (abs < 1e15 && !Object.is(x, -0)) {
      if (Number.isInteger(x)) {
        this.room(20);
        if (x < 0) this.buf[this.at++] = 45;
        this.digits(abs, 1);
        this.buf[this.at++] = 46;
        this.buf[this.at++] = 48;
        return;
      }
      if (abs >= 1e-4 && abs < 1e9) {
        // A raw double (not the nearest to any 6-decimal number) goes straight to its shortest repr.
        if (Math.round(abs * 1e6) / 1e6 !== abs) return this.ascii(String(x));
        for (let d = 1, scale = 10; d <= 6; d++, scale *= 10) {
          const m = Math.round(abs * scale);
          if (m / scale !== abs) continue;
          this.room(24);
          if (x < 0) this.buf[this.at++] = 45;
          this.digits(Math.floor(m / scale), 1);
          this.buf[this.at++] = 46;
          this.digits(m % scale, d);
          return;
        }
      }
    }
    this.ascii(pyFloat(x));
  }

  /** The decimal digits of a non-negative integer, zero-padded to `width`. */
  private digits(n: number, width: number): void {
    let len = 1;
    for (let p = 10; p <= n && len < 17; p *= 10) len++;
    if (len < width) len = width;
    const buf = this.buf;
    let at = this.at + len;
    this.at = at;
    for (let i = 0; i < len; i++) {
      const q = Math.floor(n / 10);
      buf[--at] = 48 + (n - q * 10);
      n = q;
    }
  }

  /** Text already in its final form (a line cut short, a damaged row). */
  raw(text: string): void {
    this.room(3 * text.length);
    this.at += this.buf.write(text, this.at, "utf8");
  }

  byte(b: number): void {
    this.room(1);
    this.buf[this.at++] = b;
  }

  private ascii(s: string): void {
    this.room(s.length);
    const buf = this.buf;
    let at = this.at;
    for (let i = 0; i < s.length; i++) buf[at++] = s.charCodeAt(i);
    this.at = at;
  }

  /**
   * A JSON string: printable ASCII without quotes or backslashes is copied as it is checked; at the first other
   * character the copy is dropped and the string goes through JSON.stringify.
   */
  private text(s: string): void {
    this.room(s.length + 2);
    const buf = this.buf;
    const start = this.at;
    let at = start;
    buf[at++] = 34;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 32 || c > 126 || c === 34 || c === 92) {
        this.at = start;
        return this.escaped(s);
      }
      buf[at++] = c;
    }
    buf[at++] = 34;
    this.at = at;
  }

  /**
   * A string that needs JSON.stringify (non-ASCII, quotes, control characters). The generator's are few and
   * repeated (dimension names, comments, tags, focus texts), so their encoded bytes are kept (up to 4,096 strings).
   */
  private escaped(s: string): void {
    let bytes = ESCAPED.get(s);
    if (bytes === undefined) {
      bytes = Buffer.from(JSON.stringify(s), "utf8");
      if (ESCAPED.size < 4096) ESCAPED.set(s, bytes);
    }
    this.copy(bytes, 0);
  }

  private copy(bytes: Uint8Array, from: number): void {
    this.room(bytes.length);
    const buf = this.buf;
    let at = this.at;
    for (let i = from; i < bytes.length; i++) buf[at++] = bytes[i];
    this.at = at;
  }

  private room(n: number): void {
    if (this.buf.length - this.at >= n) return;
    const bigger = Buffer.allocUnsafe(Math.max(2 * this.buf.length, this.at + n));
    this.buf.copy(bigger, 0, 0, this.at);
    this.buf = bigger;
  }
}

const ESCAPED = new Map<string, Uint8Array>();

/** Serialised keys with their separator (`, "name": `; the first key of an object skips the comma), cached. */
const KEYS = new Map<string, Buffer>();

const shared = new PyJsonWriter();

/**
 * Serialises like Python's `json.dumps(value, ensure_ascii=False)` (see `PyJsonWriter`), as a string.
 *
 * @example pyDumps({ a: 1, b: [pyInt(2), NaN], c: "中" }) // '{"a": 1.0, "b": [2, NaN], "c": "中"}'
 */
export function pyDumps(value: unknown): string {
  shared.reset();
  shared.value(value);
  return shared.buf.toString("utf8", 0, shared.at);
}

/** Python's `datetime.isoformat()` of a naive UTC datetime: microseconds, or no fraction when they are zero. */
export function pyIsoformat(ms: number, micros: number): string {
  const base = isoSeconds(ms);
  return micros === 0 ? base : `${base}.${String(micros).padStart(6, "0")}`;
}

const DAY_MS = 86_400_000;
let cachedDay = NaN;
let cachedDate = "";
const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `YYYY-MM-DDTHH:MM:SS` of epoch milliseconds (UTC), the date part computed once per day. */
function isoSeconds(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedDate = new Date(day * DAY_MS).toISOString().slice(0, 11);
  }
  const s = Math.floor((ms - day * DAY_MS) / 1000);
  return `${cachedDate}${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
}
