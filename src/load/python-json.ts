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
    const value = restore(JSON.parse(replaced), "", nonFinite);
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

function restore(value: unknown, path: string, found: NonFinite[]): unknown {
  if (typeof value === "string" && value.startsWith(SENTINEL)) {
    found.push({ path, token: value.slice(SENTINEL.length) as NonFinite["token"] });
    return null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = restore(value[i], `${path}[${i}]`, found);
  } else if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = restore(record[key], path ? `${path}.${key}` : key, found);
  }
  return value;
}
