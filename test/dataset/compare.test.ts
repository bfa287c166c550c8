import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import * as aq from "arquero";
import { loadTables } from "../../src/join/load-tables";
import { filterTables } from "../../src/dataset/filter-tables";
import { compare } from "../../src/dataset/compare";
import { dimensionColumn } from "../../src/join/columns";
import { cli } from "../helpers";

const sample = join(__dirname, "..", "..", "data", "sample", "metrics.log");
const split = Date.UTC(2025, 9, 1);

test("compare: two windows side by side, figures against arquero on each side, change = B − A", async () => {
  const t = await loadTables(sample);
  const c = compare(filterTables(t, { until: split }), filterTables(t, { since: split }));
  const before = t.sessions.filter(aq.escape((d: { ts: Date }) => +d.ts < split));
  const after = t.sessions.filter(aq.escape((d: { ts: Date }) => +d.ts >= split));
  const get = (name: string) => c.figures.find((f) => f.figure === name)!;
  assert.deepEqual(get("sessions"), { figure: "sessions", a: before.numRows(), b: after.numRows(), change: after.numRows() - before.numRows() });
  const users = (x: aq.ColumnTable) => x.filter((d: { user_id: string | null }) => d.user_id !== null).rollup({ n: aq.op.distinct("user_id") }).get("n", 0);
  // Users in the summary also count media-only users; every session user is one of them.
  assert.ok(get("users").a! >= users(before) && get("users").b! >= users(after));
  for (const name of t.dimensions) {
    const mean = get(`${name}: mean`);
    const expected = [before, after].map((x) => x.rollup({ m: aq.op.mean(dimensionColumn(name)) }).get("m", 0) as number);
    assert.ok(Math.abs(mean.a! - expected[0]) < 1e-9 && Math.abs(mean.b! - expected[1]) < 1e-9, name);
    assert.ok(Math.abs(mean.change! - (expected[1] - expected[0])) < 1e-9);
  }
  assert.deepEqual(c.verdicts.map((v) => v.dimension), t.dimensions);
  const json = JSON.parse(cli(["compare", sample, "--a-until", "2025-10-01", "--b-since", "2025-10-01", "--json"]).stdout);
  assert.deepEqual(json, JSON.parse(JSON.stringify(c)));
});

test("compare: a side with no sessions gives counts of 0 and nulls for the rest, not a crash", async () => {
  const t = await loadTables(sample);
  const c = compare(t, filterTables(t, { users: ["nobody"] }));
  const sessions = c.figures.find((f) => f.figure === "sessions")!;
  assert.deepEqual(sessions, { figure: "sessions", a: t.sessions.numRows(), b: 0, change: -t.sessions.numRows() });
  for (const d of t.dimensions) {
    const n = c.figures.find((f) => f.figure === `${d}: n`)!;
    assert.ok(n.a! > 0);
    assert.deepEqual([n.b, n.change], [0, -n.a!]);
    assert.equal(c.figures.find((f) => f.figure === `${d}: mean`)!.b, null);
  }
  assert.ok(c.verdicts.every((v) => v.a !== null && v.b === null));
});
