/** Options of `jsonChunks`. */
export interface JsonChunksOptions {
  /** Indentation, as `JSON.stringify`'s `space` (a number of spaces, at most 10; 0 for none). Default 2. */
  space?: number;
}

/**
 * The text `JSON.stringify(value, null, space)` gives, in pieces, so that a large result is written without ever
 * being one string (a 5M-row analysis' JSON is ~245M UTF-16 code units: ~490 MB as one string, then its UTF-8
 * copy): plain objects (prototype `Object.prototype` or `null`) member by member, arrays element by element, each
 * array element and every other value by one `JSON.stringify`. The pieces joined are byte for byte what
 * `JSON.stringify` returns: the same key order, `undefined`, functions and symbols left out of objects and `null`
 * in arrays, `toJSON` called with the member's key (as JSON.stringify does), the same indentation. A cycle throws
 * a `TypeError`, as `JSON.stringify` does. Write them with `writeLines("-", …)` (`../io/write-output`).
 *
 * @example [...jsonChunks({ a: [1, 2] })].join("") === JSON.stringify({ a: [1, 2] }, null, 2) // true
 */
export function* jsonChunks(value: unknown, options: JsonChunksOptions = {}): Generator<string> {
  const gap = " ".repeat(Math.max(0, Math.min(10, Math.floor(options.space ?? 2))));
  const text = yield* pieces({ "": value }, "", "", gap, []);
  if (text === undefined) throw new TypeError("jsonChunks: the value has no JSON text (undefined, a function or a symbol)");
}

/**
 * Yields the JSON text of `holder[key]` at indentation `indent`; returns `undefined` (yielding nothing) when the
 * value has none (so the caller leaves the member out), else `true`.
 */
function* pieces(holder: object, key: string, indent: string, gap: string, stack: object[]): Generator<string, true | undefined> {
  const value = jsonValue(holder, key);
  if (Array.isArray(value)) {
    yield* arrayPieces(value, indent, gap, stack);
    return true;
  }
  if (isPlainObject(value)) {
    yield* objectPieces(value, indent, gap, stack);
    return true;
  }
  const text = JSON.stringify(value, null, gap);
  if (text === undefined) return undefined;
  yield gap && indent ? text.replaceAll("\n", `\n${indent}`) : text;
  return true;
}

function* arrayPieces(array: readonly unknown[], indent: string, gap: string, stack: object[]): Generator<string> {
  if (array.length === 0) {
    yield "[]";
    return;
  }
  enter(array, stack);
  const inner = indent + gap;
  const open = gap ? `\n${inner}` : "";
  yield "[";
  for (let start = 0; start < array.length; start += BATCH) {
    const end = Math.min(array.length, start + BATCH);
    if (start > 0) yield ",";
    if (batchable(array, start, end)) {
      // One JSON.stringify for the batch: its elements' text is the array's without the brackets, re-indented.
      const text = JSON.stringify(array.slice(start, end), null, gap);
      yield gap ? text.slice(1, -2).replaceAll("\n", `\n${indent}`) : text.slice(1, -1);
      continue;
    }
    for (let i = start; i < end; i++) {
      if (i > start) yield ",";
      if (open) yield open;
      const element = jsonValue(array, String(i));
      const text = element === undefined ? undefined : JSON.stringify(element, null, gap);
      yield text === undefined ? "null" : gap ? text.replaceAll("\n", `\n${inner}`) : text;
    }
  }
  yield gap ? `\n${indent}]` : "]";
  stack.pop();
}

function* objectPieces(object: object, indent: string, gap: string, stack: object[]): Generator<string> {
  enter(object, stack);
  const inner = indent + gap;
  const open = gap ? `\n${inner}` : "";
  let members = 0;
  for (const key of Object.keys(object)) {
    const head = `${members === 0 ? "{" : ","}${open}${JSON.stringify(key)}:${gap ? " " : ""}`;
    // The member's text is only known once its value is resolved: hold the head back until its first piece.
    let started = false;
    for (const piece of pieces(object, key, inner, gap, stack)) {
      if (!started) {
        started = true;
        members++;
        yield head;
      }
      yield piece;
    }
  }
  yield members === 0 ? "{}" : gap ? `\n${indent}}` : "}";
  stack.pop();
}

/** Array elements stringified together (a students list of 680k is 2,700 calls, not 680k). */
const BATCH = 256;

/**
 * The elements i … end − 1 can be stringified as one array: none has a `toJSON` (which JSON.stringify would call
 * with the element's index in the batch, not in the array).
 */
function batchable(array: readonly unknown[], i: number, end: number): boolean {
  for (let k = i; k < end; k++) {
    const v = array[k];
    if (((typeof v === "object" && v !== null) || typeof v === "bigint") && typeof (v as { toJSON?: unknown }).toJSON === "function") return false;
  }
  return true;
}

/** `holder[key]` after its `toJSON(key)`, as `JSON.stringify` reads a member. */
function jsonValue(holder: object, key: string): unknown {
  const value = (holder as Record<string, unknown>)[key];
  if ((typeof value === "object" && value !== null) || typeof value === "bigint") {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === "function") return toJSON.call(value, key);
  }
  return value;
}

function isPlainObject(value: unknown): value is object {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function enter(value: object, stack: object[]): void {
  if (stack.includes(value)) throw new TypeError("Converting circular structure to JSON");
  stack.push(value);
}
