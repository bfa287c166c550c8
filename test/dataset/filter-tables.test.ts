import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import * as aq from "arquero";
import { loadTables } from "../../src/join/load-tables";
import { filterData, filterTables, isFiltering } from "../../src/dataset/filter-tables";
import { FilterOptionError, filterFromOptions, parseInstant, parseUsers } from "../../src/dataset/filter-options";
import { summarize } from "../../src/summary/summarize";
import { dimensionColumn } from "../../src/join/columns";
import { writeTemp } from "../helpers";
import { hostileLog } from "./hostile-log";

const sample = join(__dirname, "..", "..", "data", "sample", "metrics.log");
const since = Date.UTC(2025, 9, 1);
const until = Date.UTC(2025, 10, 1);

type Row = { session_id: string; user_id: string | null; ts: Date };

test("a time window keeps the sessions whose current report is in [since, until), with all their reports and media", async () => {
  const t = await loadTables(sample);
  const before = JSON.stringify(summarize(t));
  const f = filterTables(t, { since, until });
  const expected = t.sessions.params({ since, until }).filter((d: Row, $: { since: number; until: number }) => +d.ts >= $.since && +d.ts < $.until);
  assert.ok(expected.numRows() > 0 && expected.numRows() < t.sessions.numRows());
  assert.deepEqual(f.sessions.array("session_id"), expected.array("session_id"));
  assert.deepEqual(f.joined.array("n_media"), t.joined.semijoin(expected.select("session_id"), "session_id").array("n_media"));
  // Media: those of kept sessions, and orphan sessions (no report) whose first media report is in the window.
  const orphanFirst = t.media.antijoin(t.sessions.select("session_id"), "session_id").groupby("session_id")
    .rollup({ first: aq.op.min("ts") }).filter(aq.escape((d: { first: Date }) => +d.first >= since && +d.first < until));
  const keptIds = expected.select("session_id").concat(orphanFirst.select("session_id"));
  assert.equal(f.media.numRows(), t.media.semijoin(keptIds, "session_id").numRows());
  assert.equal(f.orphans.numRows(), orphanFirst.numRows());
  assert.equal(f.superseded, (expected.array("n_reports") as Int32Array).reduce((a, b) => a + b, 0) - expected.numRows());
  // The input is not changed; issues are the whole load's.
  assert.equal(JSON.stringify(summarize(t)), before);
  assert.deepEqual(f.issues, t.issues);
});

test("users keep only those students' sessions (guests left out); combined with a window", async () => {
  const t = await loadTables(sample);
  const users = (t.sessions.array("user_id") as (string | null)[]).filter((u): u is string => u !== null).slice(0, 40);
  const set = new Set(users);
  const f = filterTables(t, { users });
  const expected = t.sessions.filter(aq.escape((d: Row) => d.user_id !== null && set.has(d.user_id)));
  assert.deepEqual(f.sessions.array("session_id"), expected.array("session_id"));
  const both = filterTables(t, { users, since, until });
  assert.equal(both.sessions.numRows(), expected.filter(aq.escape((d: Row) => +d.ts >= since && +d.ts < until)).numRows());
  assert.ok(both.sessions.numRows() < f.sessions.numRows());
  assert.equal(filterTables(t, {}), t);
  assert.equal(filterTables(t, { users: ["nobody"] }).sessions.numRows(), 0);
});

test("filtering the hostile log keeps dimension names and their scores", async () => {
  const t = await loadTables(hostileLog());
  const f = filterTables(t, { since: Date.UTC(2025, 10, 1) });
  assert.equal(f.sessions.numRows(), 12);
  assert.deepEqual(f.dimensions, t.dimensions);
  assert.deepEqual(f.sessions.array("session_id"), filterTables(t, { since: Date.UTC(2025, 10, 1), until: Date.UTC(2026, 0, 1) }).sessions.array("session_id"));
  const expected = t.sessions.filter(aq.escape((d: Row) => +d.ts >= Date.UTC(2025, 10, 1)));
  for (const name of t.dimensions) {
    const column = dimensionColumn(name);
    assert.deepEqual(Array.from(f.sessions.array(column) as Float64Array), Array.from(expected.array(column) as Float64Array), name);
  }
});

test("options: ISO dates and date-times in UTC, users from a list or a file, one-line errors", () => {
  assert.equal(parseInstant("2025-11-01", "--since"), Date.UTC(2025, 10, 1));
  assert.equal(parseInstant("2025-11-01T08:30:00", "--since"), Date.UTC(2025, 10, 1, 8, 30));
  assert.equal(parseInstant("2025-11-01T08:30:00+08:00", "--since"), Date.UTC(2025, 10, 1, 0, 30));
  assert.throws(() => parseInstant("2025-02-30", "--until"), (e: Error) => e instanceof FilterOptionError && e.message === '--until: "2025-02-30" is not an ISO date (YYYY-MM-DD) or date-time');
  assert.throws(() => parseInstant("yesterday", "--since"), FilterOptionError);
  assert.deepEqual(parseUsers("u1, u2,,u3"), ["u1", "u2", "u3"]);
  assert.deepEqual(parseUsers(writeTemp("users.txt", "# cohort A\nu1\n\n u2 \r\nu3\n")), ["u1", "u2", "u3"]);
  assert.throws(() => parseUsers(","), /--users: the list names no user id/);
  // A byte-order mark (Windows editors write one) is not part of the first id.
  assert.deepEqual(parseUsers(writeTemp("bom.txt", "\uFEFFu1\nu2\n")), ["u1", "u2"]);
  // Bytes that are not UTF-8 would become U+FFFD and match no row: an error naming the line.
  const latin1 = writeTemp("latin1.txt", Buffer.concat([Buffer.from("u1\n# cohort\nu_"), Buffer.from([0xe9]), Buffer.from("\nu3\n")]));
  assert.throws(() => parseUsers(latin1), (e: Error) => e instanceof FilterOptionError && e.message === `--users: ${latin1}:3: holds bytes that are not UTF-8 (user ids are read as UTF-8)`);
  assert.deepEqual(filterFromOptions({ since: "2025-10-01", until: "2025-11-01" }), { since, until });
  assert.throws(() => filterFromOptions({ since: "2025-11-01", until: "2025-11-01" }), /--since 2025-11-01 is not before --until 2025-11-01/);
});

test("the library's filter takes what looks right in a notebook: ISO strings and Dates like epoch ms, a set of ids; what it cannot read is a one-line error, never 0 rows", async () => {
  const t = await loadTables(sample);
  const ids = (f: { sessions: aq.ColumnTable }) => f.sessions.array("session_id");
  const byMs = filterTables(t, { since, until });
  assert.ok(byMs.sessions.numRows() > 0);
  assert.deepEqual(ids(filterTables(t, { since: "2025-10-01", until: "2025-11-01" })), ids(byMs));
  assert.deepEqual(ids(filterTables(t, { since: new Date(since), until: "2025-11-01T00:00:00Z" })), ids(byMs));
  const user = (t.sessions.array("user_id") as (string | null)[]).find((u): u is string => u !== null)!;
  const mine = filterTables(t, { users: [user] });
  assert.ok(mine.sessions.numRows() > 0);
  assert.deepEqual(ids(filterTables(t, { users: new Set([user]) })), ids(mine));
  // A string is an Iterable<string> of its characters: refused, with the list to pass instead.
  // @ts-expect-error a string is not a list of ids: the type says so too
  assert.throws(() => filterTables(t, { users: user }), TypeError);
  const typed = (o: object) => o as Parameters<typeof filterTables>[1]; // what plain JS passes
  for (const call of [() => filterTables(t, typed({ users: user })), () => filterData(t.data, typed({ users: user })), () => isFiltering(typed({ users: user }))]) {
    assert.throws(call, (e: Error) => e instanceof TypeError && e.message === `users: expected a list of user ids such as ["u1"], got the string "${user}" (a string is read as its characters)`);
  }
  assert.throws(() => filterTables(t, typed({ users: [user, 7] })), (e: Error) => e instanceof TypeError && e.message.endsWith("got a list holding the number 7"));
  // An instant that cannot be read names its option; since not before until is the CLI's error without the dashes.
  const cases: [object, string][] = [
    [{ since: new Date("bogus") }, "since: the Date is invalid (new Date of a text it could not read)"],
    [{ until: "2025-02-30" }, 'until: "2025-02-30" is not an ISO date (YYYY-MM-DD) or date-time'],
    [{ since: Number.NaN }, "since: NaN is not epoch milliseconds"],
    [{ since: "2025-11-01", until: "2025-10-01" }, "since 2025-11-01 is not before until 2025-10-01"],
    [{ since: until, until: new Date(until) }, "since 2025-11-01T00:00:00.000Z is not before until 2025-11-01T00:00:00.000Z"],
  ];
  for (const [filter, message] of cases) {
    assert.throws(() => filterTables(t, typed(filter)), (e: Error) => e instanceof FilterOptionError && e.message === message, message);
  }
  assert.throws(() => filterFromOptions({ since: "2025-11-01", until: "2025-10-01" }), (e: Error) => e.message === "--since 2025-11-01 is not before --until 2025-10-01");
});
