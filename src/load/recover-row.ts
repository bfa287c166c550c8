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
    let parsed: PythonJsonValue;
    try {
      parsed = parsePythonJson(text.slice(at));
    } catch {
      continue; // not a whole row from here (the caller reports the line): try the previous candidate
    }
    const v = parsed.value;
    if (v !== null && typeof v === "object" && !Array.isArray(v) && typeof (v as { type?: unknown }).type === "string") return { start: at, parsed };
  }
  return undefined;
}
