import { InvalidArgumentError } from "commander";
import { parseTimestamp } from "../schema/parse-timestamp";

// Commander's argument parsers for the CLI's numeric, range and date options: a bad value stops the command before
// it does anything, with commander's one line ("option '--students <n>' argument '-5' is invalid. expected …")
// and exit status 2. Commander does not pass an option's default through its parser: give defaults parsed.

/**
 * An integer option in `[min, max]`.
 *
 * @example new Option("--students <n>").argParser(integerArg({ min: 1 })) // "-5" → "expected an integer ≥ 1"
 */
export function integerArg(range: { min?: number; max?: number } = {}): (value: string) => number {
  const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = range;
  const expected = `expected an integer${bounds(min, max)}`;
  return (value) => {
    const n = number(value, expected);
    if (!Number.isSafeInteger(n) || n < min || n > max) throw new InvalidArgumentError(expected);
    return n;
  };
}

/**
 * A number option in `[min, max]` (a rate, a share).
 *
 * @example new Option("--faults <rate>").argParser(numberArg({ min: 0, max: 1 })) // "2" → "expected a number from 0 to 1"
 */
export function numberArg(range: { min: number; max: number }): (value: string) => number {
  const expected = `expected a number from ${range.min} to ${range.max}`;
  return (value) => {
    const n = number(value, expected);
    if (n < range.min || n > range.max) throw new InvalidArgumentError(expected);
    return n;
  };
}

/**
 * An inclusive integer range `MIN-MAX` (or one integer `N`, meaning `N-N`) with `min ≤ MIN ≤ MAX`.
 *
 * @example rangeArg({ min: 1 })("2-5") // [2, 5]; "5-1" → "expected MIN-MAX with 1 ≤ MIN ≤ MAX"
 */
export function rangeArg(range: { min: number }): (value: string) => [number, number] {
  const expected = `expected MIN-MAX with ${range.min} ≤ MIN ≤ MAX (integers), or one integer`;
  return (value) => {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(value);
    const lo = m ? Number(m[1]) : NaN;
    const hi = m?.[2] !== undefined ? Number(m[2]) : lo;
    if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi) || lo < range.min || hi < lo) throw new InvalidArgumentError(expected);
    return [lo, hi];
  };
}

/**
 * An ISO 8601 date-time read as the log's `ts` is (`parseTimestamp`: no offset = UTC); the value is kept as written.
 *
 * @example dateArg("2025-09-01T00:00:00") // "2025-09-01T00:00:00"; "garbage" → "expected an ISO 8601 date-time …"
 */
export function dateArg(value: string): string {
  if (parseTimestamp(value) === undefined) throw new InvalidArgumentError("expected an ISO 8601 date-time such as 2025-09-01T00:00:00 (UTC unless it has Z or ±hh:mm)");
  return value;
}

function number(value: string, expected: string): number {
  const n = value.trim() === "" ? NaN : Number(value);
  if (!Number.isFinite(n)) throw new InvalidArgumentError(expected);
  return n;
}

function bounds(min: number, max: number): string {
  if (min > Number.MIN_SAFE_INTEGER && max < Number.MAX_SAFE_INTEGER) return ` from ${min} to ${max}`;
  if (min > Number.MIN_SAFE_INTEGER) return ` ≥ ${min}`;
  return max < Number.MAX_SAFE_INTEGER ? ` ≤ ${max}` : "";
}
