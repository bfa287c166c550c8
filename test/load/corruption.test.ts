import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { loadMetrics, loadTables, generateLog } from "../../src/index";
import { createRng } from "../../src/generate/rng";
import { writeTemp, sessionLine, mediaLine } from "../helpers";

const TS = "2025-11-03T12:24:13.482113";

// Damages random lines of a valid generated log in random ways: every undamaged line must still load,
// every damaged one must be reported at its line number.
test("random damage: undamaged lines all load, damaged lines are all reported at their line", async () => {
  const gen = generateLog({ students: 60, seed: 11 });
  const lines = [...gen.lines].join("").split("\n").filter((l) => l.length > 0);
  const rng = createRng(99);
  const damaged = new Set<number>();
  const ways: ((l: string) => string)[] = [
    (l) => l.slice(0, Math.max(1, Math.floor(l.length * rng.uniform()))), // truncated
    (l) => l.replace('"session_id": "', '"session_id": 7, "x": "'), // wrong type
    (l) => l.replace(/"ts": "[^"]*"/, '"ts": "soon"'), // bad timestamp
    (l) => l.replace('{"type": ', "{"), // broken JSON
    (l) => l.replace(/"type": "[a-z_]+"/, '"type": 5'), // type not a string
    () => "\u0000\u0001garbage",
  ];
  const out = lines.map((l, i) => {
    if (rng.uniform() < 0.1) {
      damaged.add(i + 1);
      return rng.pick(ways)(l);
    }
    return l;
  });
  const path = writeTemp("damaged.log", out.join("\n") + "\n");
  assert.ok(readFileSync(path, "utf8").length > 0);
  const r = await loadMetrics(path);
  const loaded = new Set(r.rows.map((x) => x.line));
  const errors = new Set(r.issues.filter((i) => i.severity === "error").map((i) => i.line));
  for (let line = 1; line <= out.length; line++) {
    if (damaged.has(line)) assert.ok(errors.has(line) && !loaded.has(line), `damaged line ${line} must be reported`);
    else assert.ok(loaded.has(line), `undamaged line ${line} must load`);
  }
  assert.ok(damaged.size > 10);
});

test("a torn fragment before a good row on the same line: the row is recovered and the damage reported", async () => {
  const a = sessionLine({ sid: "a", ts: TS });
  const b = mediaLine({ sid: "a", mid: "m", ts: TS });
  const lines = [a, a.slice(0, 90) + b, "\u0000\u0000\u0000" + a, a.slice(0, 40) + "\u0000".repeat(8) + b, a.slice(0, 200), b];
  const path = writeTemp("torn.log", lines.join("\n") + "\n");
  const r = await loadMetrics(path);
  assert.deepEqual(r.rows.map((x) => [x.line, x.row.type]), [[1, "session_report"], [2, "media_report"], [3, "session_report"], [4, "media_report"], [6, "media_report"]]);
  assert.deepEqual(r.issues.map((i) => [i.line, i.severity, i.code]), [[2, "warning", "torn_fragment"], [3, "warning", "torn_fragment"], [4, "warning", "torn_fragment"], [5, "error", "invalid_json"]]);
  assert.match(r.issues[0].message, /first 90 characters are a torn fragment/);
  assert.match(r.issues[1].message, /first 3 characters are NUL padding/);
  const t = await loadTables(path, { workers: 2, highWaterMark: 1024 });
  assert.deepEqual(t.issues, r.issues);
});

test("whole rows joined on one line (a newline missing between writes): every row is kept at that line, with one warning", async () => {
  const a = sessionLine({ sid: "a", ts: TS });
  const b = mediaLine({ sid: "a", mid: "m", ts: TS });
  const c = sessionLine({ sid: "c", ts: TS });
  // two rows; three rows; a fragment, then two rows; a row, then a fragment, then a row
  const lines = [a + b, a + b + c, a.slice(0, 50) + b + c, c + a.slice(0, 60) + b];
  const path = writeTemp("joined.log", lines.join("\n") + "\n");
  const r = await loadMetrics(path);
  assert.deepEqual(r.rows.map((x) => [x.line, x.row.type, x.row.session_id]), [
    [1, "session_report", "a"], [1, "media_report", "a"],
    [2, "session_report", "a"], [2, "media_report", "a"], [2, "session_report", "c"],
    [3, "media_report", "a"], [3, "session_report", "c"],
    [4, "session_report", "c"], [4, "media_report", "a"],
  ]);
  assert.deepEqual(r.issues.map((i) => [i.line, i.severity, i.code]), [
    [1, "warning", "joined_rows"],
    [2, "warning", "joined_rows"], [2, "warning", "joined_rows"],
    [3, "warning", "torn_fragment"], [3, "warning", "joined_rows"],
    [4, "warning", "torn_fragment"], [4, "warning", "joined_rows"],
  ]);
  assert.match(r.issues[5].message, new RegExp(`characters ${c.length + 1}–${c.length + 60} are a torn fragment between two rows`));
  assert.match(r.issues[0].message, new RegExp(`a row starts at character ${a.length + 1} right after another`));
  const t = await loadTables(path, { workers: 2, highWaterMark: 64 });
  assert.deepEqual(t.issues, r.issues);
  assert.equal(t.rows.session_report + t.rows.media_report, 9);
});
