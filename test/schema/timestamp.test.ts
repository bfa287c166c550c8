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
