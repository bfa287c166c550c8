/** A bare non-finite token found in a Python JSON line, with the path of the field that held it. */
export interface NonFinite {
  path: string;
  token: "NaN" | "Infinity" | "-Infinity";
}

/** The value of a parsed line and the non-finite tokens it held (read as `null`). */
export interface PythonJsonValue {
  value: unknown;
  nonFinite: NonFinite[];
}

const SENTINEL = "\u0000nonfinite:";

/**
 * Parses one line of JSON as Python's `json.dumps` writes it: like `JSON.parse`, but the bare tokens
 * `NaN`, `Infinity` and `-Infinity` (outside strings) are read as `null` and listed with their paths.
 * Throws a `SyntaxError` when the line is not JSON even so.
 *
 * @example parsePythonJson('{"a": NaN, "b": [1, -Infinity]}')
 * // { value: { a: null, b: [1, null] }, nonFinite: [{ path: "a", token: "NaN" }, { path: "b[1]", token: "-Infinity" }] }
 */
export function parsePythonJson(text: string): PythonJsonValue {
  try {
    return { value: JSON.parse(text), nonFinite: [] };
  } catch (error) {
    const replaced = replaceNonFinite(text);
    if (replaced === undefined) throw error;
    const nonFinite: NonFinite[] = [];
    const value = restore(JSON.parse(replaced), nonFinite);
    return { value, nonFinite };
  }
}

/** Replaces bare non-finite tokens with sentinel strings; `undefined` when there are none. */
function replaceNonFinite(text: string): string | undefined {
  let out = "";
  let last = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 34) {
      inString = true;
      continue;
    }
    let token: NonFinite["token"] | undefined;
    if (c === 78 /* N */ && text.startsWith("NaN", i)) token = "NaN";
    else if (c === 73 /* I */ && text.startsWith("Infinity", i)) token = "Infinity";
    else if (c === 45 /* - */ && text.startsWith("-Infinity", i)) token = "-Infinity";
    if (token) {
      out += text.slice(last, i) + JSON.stringify(SENTINEL + token);
      i += token.length - 1;
      last = i + 1;
    }
  }
  return last === 0 ? undefined : out + text.slice(last);
}

/** Puts `null` where a sentinel is and lists it, in document order; walks without recursion (any depth is safe). */
function restore(value: unknown, found: NonFinite[]): unknown {
  const root = { value };
  // [holder, key, path]: visited in document order (children pushed in reverse)
  const stack: [Record<string | number, unknown>, string | number, string][] = [[root, "value", ""]];
  while (stack.length > 0) {
    const [holder, key, path] = stack.pop()!;
    const v = holder[key];
    if (typeof v === "string" && v.startsWith(SENTINEL)) {
      holder[key] = null;
      found.push({ path, token: v.slice(SENTINEL.length) as NonFinite["token"] });
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v as unknown as Record<number, unknown>, i, `${path}[${i}]`]);
    } else if (v !== null && typeof v === "object") {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) stack.push([v as Record<string, unknown>, keys[i], path ? `${path}.${keys[i]}` : keys[i]]);
    }
  }
  return root.value;
}
