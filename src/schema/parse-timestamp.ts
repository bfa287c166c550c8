// Timestamps as the log writes them, without zod (the CLI parses its date arguments with these at start).
// ISO 8601 date-time: date, `T` (or space), time, optional fraction, optional `Z` or ±hh:mm offset.
const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Reads a `ts` value as epoch milliseconds. The backend writes `datetime.utcnow().isoformat()`: UTC **without**
 * an offset, with 6 fractional digits or none (`2025-11-03T12:24:13`). A string without an offset is read as
 * UTC, never as local time; one with `Z` or `±hh:mm` keeps its offset. Returns `undefined` for anything else:
 * out-of-range fields, an offset beyond ±23:59, and year 0000 (Python's `datetime` starts at year 1, so the backend
 * cannot write it; years 0001–0099 are read as themselves, never as 19xx).
 *
 * @example parseTimestamp("2025-11-03T12:24:13.482113") // 1762172653482 (sub-millisecond digits truncated)
 * @example parseTimestamp("2025-11-03T20:24:13+08:00")  // 1762172653000
 */
export function parseTimestamp(ts: string): number | undefined {
  // A row's ts is read twice in a row (validated, then stored): the second read is the first's answer.
  if (ts === last.text) return last.value;
  const value = readTimestamp(ts);
  last.text = ts;
  last.value = value;
  return value;
}

const last: { text: string | undefined; value: number | undefined } = { text: undefined, value: undefined };

function readTimestamp(ts: string): number | undefined {
  const naive = ts.length === 19 || ts.length === 26 ? naiveTimestamp(ts) : undefined;
  if (naive !== undefined) return naive;
  const m = ISO.exec(ts);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  if (+mo < 1 || +mo > 12 || +y < 1 || +d < 1 || +d > daysInMonth(+y, +mo) || +h > 23 || +mi > 59 || (s ? +s : 0) > 59) return undefined;
  const ms = frac ? Math.floor(Number(frac.slice(1, 4).padEnd(3, "0"))) : 0;
  let t = utc(+y, +mo, +d, +h, +mi, s ? +s : 0, ms);
  if (zone && zone.toUpperCase() !== "Z") {
    const sign = zone[0] === "-" ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    const [oh, om] = [Number(digits.slice(0, 2)), Number(digits.slice(2, 4))];
    if (oh > 23 || om > 59) return undefined;
    t -= sign * (oh * 60 + om) * 60_000;
  }
  return t;
}

/** `Date.UTC` without its rule that years 0–99 mean 1900–1999. */
function utc(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
  if (y >= 100) return Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const date = new Date(Date.UTC(2000, mo - 1, d, h, mi, s, ms));
  date.setUTCFullYear(y);
  return date.getTime();
}

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;
const two = (s: string, i: number) => digit(s, i) * 10 + digit(s, i + 1);

/**
 * The backend's own shape read without a regex (it is parsed twice a row: by the schema and by the join layer):
 * `YYYY-MM-DDTHH:MM:SS` or the same with `.ffffff`. `undefined` when the string has another shape (the general
 * path then decides) or a field out of range.
 */
function naiveTimestamp(ts: string): number | undefined {
  for (let i = 0; i < ts.length; i++) {
    const c = ts.charCodeAt(i);
    const expected = i === 4 || i === 7 ? 45 : i === 13 || i === 16 ? 58 : i === 19 ? 46 : i === 10 ? (c === 32 ? 32 : 84) : -1;
    if (expected === -1 ? c < 48 || c > 57 : c !== expected) return undefined;
  }
  const y = two(ts, 0) * 100 + two(ts, 2);
  const mo = two(ts, 5);
  const d = two(ts, 8);
  const h = two(ts, 11);
  const mi = two(ts, 14);
  const s = two(ts, 17);
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return undefined;
  const ms = ts.length === 26 ? digit(ts, 20) * 100 + two(ts, 21) : 0;
  return utc(y, mo, d, h, mi, s, ms);
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Formats epoch milliseconds as ISO 8601 with `Z`, e.g. `2025-11-03T12:24:13.482Z`. */
export function formatTimestamp(ms: number): string {
  return new Date(ms).toISOString();
}
