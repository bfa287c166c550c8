/**
 * Stands for a byte that is not UTF-8 in a decoded line: a lone surrogate, which no UTF-8 text decodes to (unlike
 * U+FFFD, which a log may hold), so a value holding it certainly had bad bytes.
 */
export const INVALID_UTF8 = "\uDFFF";

/**
 * Decodes UTF-8, each byte that does not belong to a well-formed sequence becoming one `INVALID_UTF8`.
 *
 * @example decodeMarked(Buffer.from([0x61, 0xff, 0xfe, 0x62])) // "a\uDFFF\uDFFFb"
 */
export function decodeMarked(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let out = "";
  let start = 0;
  for (let i = 0; i < bytes.length; ) {
    const n = sequenceLength(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    out += buffer.toString("utf8", start, i) + INVALID_UTF8;
    start = ++i;
  }
  return out + buffer.toString("utf8", start, bytes.length);
}

const continuation = (b: number | undefined, lo = 0x80, hi = 0xbf) => b !== undefined && b >= lo && b <= hi;

/** Length of the well-formed UTF-8 sequence at `i` (Unicode's table 3-7), or 0. */
function sequenceLength(b: Uint8Array, i: number): number {
  const c = b[i];
  if (c < 0x80) return 1;
  if (c < 0xc2) return 0;
  if (c < 0xe0) return continuation(b[i + 1]) ? 2 : 0;
  if (c < 0xf0) {
    const ok = continuation(b[i + 1], c === 0xe0 ? 0xa0 : 0x80, c === 0xed ? 0x9f : 0xbf) && continuation(b[i + 2]);
    return ok ? 3 : 0;
  }
  if (c < 0xf5) {
    const ok = continuation(b[i + 1], c === 0xf0 ? 0x90 : 0x80, c === 0xf4 ? 0x8f : 0xbf) && continuation(b[i + 2]) && continuation(b[i + 3]);
    return ok ? 4 : 0;
  }
  return 0;
}

/**
 * The paths of the strings (values or keys) of a parsed value that hold `INVALID_UTF8`, in document order.
 * Walks without recursion, so any nesting depth is safe.
 *
 * @example invalidUtf8Paths({ user_id: "u\uDFFF", tags: ["ok"] }) // ["user_id"]
 */
export function invalidUtf8Paths(value: unknown): string[] {
  const found: string[] = [];
  // [value, its path, whether the key that led to it held the mark]
  const stack: [unknown, string, boolean][] = [[value, "", false]];
  while (stack.length > 0) {
    const [v, path, badKey] = stack.pop()!;
    if (badKey) found.push(path);
    if (typeof v === "string") {
      if (!badKey && v.includes(INVALID_UTF8)) found.push(path);
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}[${i}]`, false]);
    } else if (v !== null && typeof v === "object") {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i];
        stack.push([(v as Record<string, unknown>)[key], path ? `${path}.${key}` : key, key.includes(INVALID_UTF8)]);
      }
    }
  }
  return found;
}
