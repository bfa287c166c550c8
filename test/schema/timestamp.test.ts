import { test } from "node:test";
import assert from "node:assert/strict";
import { parseTimestamp, formatTimestamp } from "../../src/schema/timestamp";

test("a naive timestamp is UTC, not local time", () => {
  assert.equal(parseTimestamp("2025-11-03T12:24:13.482113"), Date.UTC(2025, 10, 3, 12, 24, 13, 482));
  assert.equal(formatTimestamp(parseTimestamp("2025-11-03T12:24:13")!), "2025-11-03T12:24:13.000Z");
});

test("offsets are honoured", () => {
  assert.equal(parseTimestamp("2025-11-03T20:24:13+08:00"), Date.UTC(2025, 10, 3, 12, 24, 13));
  assert.equal(parseTimestamp("2025-11-03T12:24:13Z"), Date.UTC(2025, 10, 3, 12, 24, 13));
  assert.equal(parseTimestamp("2025-11-03T07:24:13.5-0500"), Date.UTC(2025, 10, 3, 12, 24, 13, 500));
});

test("non-timestamps and out-of-range fields are rejected", () => {
  for (const bad of ["", "yesterday", "2025-13-01T00:00:00", "2025-02-30T00:00:00", "2025-11-03T25:00:00", "2025-11-03"]) {
    assert.equal(parseTimestamp(bad), undefined, bad);
  }
});

test("the result does not depend on the machine's time zone", () => {
  const before = process.env.TZ;
  process.env.TZ = "Asia/Shanghai";
  try {
    assert.equal(parseTimestamp("2025-11-03T12:24:13"), Date.UTC(2025, 10, 3, 12, 24, 13));
  } finally {
    process.env.TZ = before;
  }
});

test("the backend's shapes (no regex) agree with the general ISO reader", () => {
  const general = (s: string) => parseTimestamp(`${s}Z`);
  for (const s of ["2025-11-03T12:24:13", "2025-11-03T12:24:13.482113", "2024-02-29T23:59:59.999999", "2025-11-03 00:00:00.000001", "1999-12-31T23:59:59"]) {
    assert.equal(parseTimestamp(s), general(s), s);
  }
  for (const bad of ["2025-02-29T00:00:00", "2025-11-03T12:60:13", "2025-11-03T12:24:1x", "2025-11-03X12:24:13", "2025-11-03T12:24:13,482113"]) {
    assert.equal(parseTimestamp(bad), undefined, bad);
  }
});

test("year 0000 and offsets past ±23:59 are rejected; years 1–99 are themselves, not 19xx", () => {
  for (const bad of ["0000-01-01T00:00:00", "0000-01-01T00:00:00.000001", "0000-06-01T00:00:00Z", "2025-11-03T12:24:13+99:99", "2025-11-03T12:24:13+24:00", "2025-11-03T12:24:13-05:60"]) {
    assert.equal(parseTimestamp(bad), undefined, bad);
  }
  // Python's date(1, 1, 1) is 62135596800 s before 1970 (proleptic Gregorian); date(50, 3, 1) 60584198400 s (Python: (datetime(50, 3, 1) - datetime(1970, 1, 1)).total_seconds()).
  assert.equal(parseTimestamp("0001-01-01T00:00:00"), -62135596800000);
  assert.equal(parseTimestamp("0050-03-01T00:00:00+01:00"), -60584198400000 - 3600_000);
  assert.equal(parseTimestamp("2025-11-03T12:24:13+23:59"), Date.UTC(2025, 10, 3, 12, 24, 13) - (23 * 60 + 59) * 60_000);
});
