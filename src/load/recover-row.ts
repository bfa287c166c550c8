import { parsePythonJson, type PythonJsonValue } from "./python-json";

/** Where the backend's rows start: `json.dumps` writes `type` first. */
const ROW_START = '{"type"';
/** Candidate starts tried per line, from the right: bounds the work on a hostile line to a few parses of it. */
const MAX_ATTEMPTS = 8;

/** A row found after damage on its line: where it starts (in UTF-16 units) and its parsed value. */
export interface RecoveredRow {
  start: number;
  parsed: PythonJsonValue;
}

/**
 * Finds a row after damage on the same line (a torn write, NUL padding): the suffix of `text` that starts with
 * `{"type"` at or after `from` and parses as an object with a string `type`. Tries the last few candidates only.
 *
 * @example recoverRow('{"type": "sess\\u0000\\u0000{"type": "media_report"}', 1) // { start: 16, parsed: { value: { type: "media_report" }, … } }
 */
export function recoverRow(text: string, from: number): RecoveredRow | undefined {
  let end = text.length;
  for (let attempt = 0; attempt < MAX_ATTEMPTS && end > from; attempt++) {
    const at = text.lastIndexOf(ROW_START, end - 1);
    if (at < from) return undefined;
    end = at;
    // not a whole row from here (the caller reports the line): try the previous candidate
    const parsed = wholeRow(text.slice(at));
    if (parsed) return { start: at, parsed };
  }
  return undefined;
}

/**
 * Where a whole row at the start of `text` ends (exclusive), when damage follows it on the line (a fragment, then
 * the row `recoverRow` found): tries the last few `}` from the right, as `recoverRow` tries starts. `undefined`
 * when none closes a row.
 *
 * @example leadingRowEnd('{"type": "media_report"}{"type": "sess') // 24
 */
export function leadingRowEnd(text: string): number | undefined {
  let end = text.length;
  for (let attempt = 0; attempt < MAX_ATTEMPTS && end > 0; attempt++) {
    end = text.lastIndexOf("}", end - 1);
    if (end < 0) return undefined;
    if (wholeRow(text.slice(0, end + 1))) return end + 1;
  }
  return undefined;
}

/**
 * `text` parsed when it is one whole row (an object with a string `type`, which a damaged fragment is not), else
 * `undefined`.
 *
 * @example wholeRow('{"type": "media_report"}')?.value // { type: "media_report" }; wholeRow('{"type": "sess') // undefined
 */
export function wholeRow(text: string): PythonJsonValue | undefined {
  let parsed: PythonJsonValue;
  try {
    parsed = parsePythonJson(text);
  } catch {
    return undefined;
  }
  const v = parsed.value;
  return v !== null && typeof v === "object" && !Array.isArray(v) && typeof (v as { type?: unknown }).type === "string" ? parsed : undefined;
}
