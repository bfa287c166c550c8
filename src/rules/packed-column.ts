/**
 * A numeric column packed for JSON: the bytes of a typed array (little-endian, as every browser and Node platform
 * stores them) in base64, with the kind that reads them back. `NaN` is the kind's largest integer for integer kinds.
 *
 * - `u8`: integers 0–254; `u16`/`u32`: integers × 10^-`scale` (0 ≤ value·10^scale < 2^16−1 or 2^32−1);
 * - `i32`: integers; `f32`: what `Math.fround` keeps; `f64`: every double.
 */
export interface PackedColumn {
  kind: "u8" | "u16" | "u32" | "i32" | "f32" | "f64";
  /** Decimal places of `u16`/`u32` (the stored integer is value × 10^scale). 0 for the other kinds. */
  scale: number;
  length: number;
  base64: string;
}

/** Options of `packColumn`. */
export interface PackOptions {
  /**
   * When no exact kind smaller than Float64 fits: values in [0, 4294) rounded to 6 decimals (Uint32 millionths),
   * others as Float32 (relative error < 6·10^-8). Default false: exact.
   */
  lossy?: boolean;
}

const NAN_CODE = { u8: 0xff, u16: 0xffff, u32: 0xffffffff } as const;

/**
 * Packs a column into the smallest kind that gives every value back exactly (scores with one decimal as `u16`
 * tenths, tag masks as `u8`, any double as `f64`), or rounded (`lossy`) when nothing smaller than `f64` is exact.
 *
 * @example unpackColumn(packColumn([57.5, 84, NaN])) // Float64Array [57.5, 84, NaN], stored as u16 tenths
 */
export function packColumn(values: ArrayLike<number>, options: PackOptions = {}): PackedColumn {
  const { kind, scale } = chooseKind(values, Boolean(options.lossy));
  const n = values.length;
  const factor = 10 ** scale;
  let array: Uint8Array | Uint16Array | Uint32Array | Int32Array | Float32Array | Float64Array;
  if (kind === "u8" || kind === "u16" || kind === "u32") {
    array = kind === "u8" ? new Uint8Array(n) : kind === "u16" ? new Uint16Array(n) : new Uint32Array(n);
    for (let i = 0; i < n; i++) array[i] = Number.isNaN(values[i]) ? NAN_CODE[kind] : Math.round(values[i] * factor);
  } else {
    array = kind === "i32" ? Int32Array.from(values) : kind === "f32" ? Float32Array.from(values) : Float64Array.from(values);
  }
  return { kind, scale, length: n, base64: bytesToBase64(new Uint8Array(array.buffer, array.byteOffset, array.byteLength)) };
}

/** The inverse of `packColumn`: the values as doubles (`NaN` where missing). */
export function unpackColumn(c: PackedColumn): Float64Array {
  const bytes = base64ToBytes(c.base64);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const out = new Float64Array(c.length);
  if (c.kind === "u8" || c.kind === "u16" || c.kind === "u32") {
    const a = c.kind === "u8" ? new Uint8Array(buffer) : c.kind === "u16" ? new Uint16Array(buffer) : new Uint32Array(buffer);
    const nan = NAN_CODE[c.kind];
    const factor = 10 ** c.scale;
    for (let i = 0; i < c.length; i++) out[i] = a[i] === nan ? NaN : c.scale ? a[i] / factor : a[i];
    return out;
  }
  out.set(c.kind === "i32" ? new Int32Array(buffer) : c.kind === "f32" ? new Float32Array(buffer) : new Float64Array(buffer));
  return out;
}

/** The smallest exact kind (and its decimal scale) for the values; `f32` instead of `f64` when lossy is allowed. */
function chooseKind(values: ArrayLike<number>, lossy: boolean): { kind: PackedColumn["kind"]; scale: number } {
  for (const [kind, scales] of [["u8", [0]], ["u16", [0, 1, 2, 3, 4]], ["u32", [0, 1, 2, 3, 4, 5, 6]]] as const) {
    for (const scale of scales) if (fitsScaled(values, 10 ** scale, NAN_CODE[kind])) return { kind, scale };
  }
  if (every(values, (v) => Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31)) return { kind: "i32", scale: 0 };
  if (lossy && every(values, (v) => Number.isNaN(v) || (v >= 0 && Math.round(v * 1e6) < NAN_CODE.u32))) return { kind: "u32", scale: 6 };
  if (lossy || every(values, (v) => Number.isNaN(v) || Math.fround(v) === v)) return { kind: "f32", scale: 0 };
  return { kind: "f64", scale: 0 };
}

/** Every value is `NaN` or an integer × 1/factor in [0, limit) that reads back as exactly the same double. */
function fitsScaled(values: ArrayLike<number>, factor: number, limit: number): boolean {
  return every(values, (v) => {
    if (Number.isNaN(v)) return true;
    const k = Math.round(v * factor);
    return k >= 0 && k < limit && (factor === 1 ? k === v : k / factor === v);
  });
}

function every(values: ArrayLike<number>, ok: (v: number) => boolean): boolean {
  for (let i = 0; i < values.length; i++) if (!ok(values[i])) return false;
  return true;
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const CODE = new Uint8Array(128);
for (let i = 0; i < ALPHABET.length; i++) CODE[ALPHABET.charCodeAt(i)] = i;

/** Standard base64 (with `=` padding), built in slices so that no string argument list grows with the input. */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const SLICE = 3 * 4096;
  for (let start = 0; start < bytes.length; start += SLICE) {
    const end = Math.min(bytes.length, start + SLICE);
    let s = "";
    for (let i = start; i < end; i += 3) {
      const b0 = bytes[i], b1 = i + 1 < end ? bytes[i + 1] : 0, b2 = i + 2 < end ? bytes[i + 2] : 0;
      s += ALPHABET[b0 >> 2] + ALPHABET[((b0 & 3) << 4) | (b1 >> 4)] + (i + 1 < end ? ALPHABET[((b1 & 15) << 2) | (b2 >> 6)] : "=") + (i + 2 < end ? ALPHABET[b2 & 63] : "=");
    }
    parts.push(s);
  }
  return parts.join("");
}

/** The bytes of a standard base64 string (padding optional). */
export function base64ToBytes(s: string): Uint8Array {
  const clean = s.replace(/=+$/, "");
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const c0 = CODE[clean.charCodeAt(i)], c1 = CODE[clean.charCodeAt(i + 1)], c2 = CODE[clean.charCodeAt(i + 2)], c3 = CODE[clean.charCodeAt(i + 3)];
    out[o++] = (c0 << 2) | (c1 >> 4);
    if (o < out.length) out[o++] = ((c1 & 15) << 4) | (c2 >> 2);
    if (o < out.length) out[o++] = ((c2 & 3) << 6) | c3;
  }
  return out;
}
