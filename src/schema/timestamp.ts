import { z } from "zod";

// ISO 8601 date-time: date, `T` (or space), time, optional fraction, optional `Z` or ±hh:mm offset.
const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Reads a `ts` value as epoch milliseconds. The backend writes `datetime.utcnow().isoformat()`: UTC **without**
 * an offset, with 6 fractional digits or none (`2025-11-03T12:24:13`). A string without an offset is read as
 * UTC, never as local time; one with `Z` or `±hh:mm` keeps its offset. Returns `undefined` for anything else.
 *
 * @example parseTimestamp("2025-11-03T12:24:13.482113") // 1762172653482 (sub-millisecond digits truncated)
 * @example parseTimestamp("2025-11-03T20:24:13+08:00")  // 1762172653000
 */
export function parseTimestamp(ts: string): number | undefined {
  const m = ISO.exec(ts);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const ms = frac ? Math.floor(Number(frac.slice(1, 4).padEnd(3, "0"))) : 0;
  let t = Date.UTC(+y, +mo - 1, +d, +h, +mi, s ? +s : 0, ms);
  if (zone && zone.toUpperCase() !== "Z") {
    const sign = zone[0] === "-" ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    t -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
  }
  // Date.UTC rolls over out-of-range fields (month 13, day 31 of a 30-day month, hour 25): reject those instead.
  if (+mo < 1 || +mo > 12 || +d < 1 || +d > daysInMonth(+y, +mo) || +h > 23 || +mi > 59 || (s ? +s : 0) > 59) return undefined;
  return t;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Formats epoch milliseconds as ISO 8601 with `Z`, e.g. `2025-11-03T12:24:13.482Z`. */
export function formatTimestamp(ms: number): string {
  return new Date(ms).toISOString();
}

/** A `ts` field: any ISO 8601 date-time, read as UTC when it has no offset. */
export const Timestamp = z.string().refine((s) => parseTimestamp(s) !== undefined, {
  message: "not an ISO 8601 date-time",
});
