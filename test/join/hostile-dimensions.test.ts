import { test } from "node:test";
import assert from "node:assert/strict";
import { loadTables, summarize, analyze, analysisJson, reportData, defaultRules, dimensionColumn, dimensionOfColumn, scoringInput, scoreSessions, maskNames, MAX_SCORED_DIMENSIONS, UNKNOWN_BIT, SESSION_COLUMNS, DIAGNOSTIC_COLUMNS } from "../../src/index";
import { writeTemp, sessionLine, mediaLine } from "../helpers";

// Dimension names are data: each of these once replaced a built-in column, crashed the join or vanished into a
// prototype. They must live in their own namespace and come out of every analysis under their own name.
const HOSTILE = ["user_id", "session_id", "__proto__", "ts", "filler_ratio", "line", "constructor", "toString", "score:user_id"];

function hostileLog(): string {
  const lines: string[] = [];
  for (let u = 0; u < 12; u++) {
    for (let s = 0; s < 4; s++) {
      const sid = `s${u}_${s}`;
      const ts = `2025-11-${String(1 + s * 3 + (u % 3)).padStart(2, "0")}T10:00:00`;
      const dims = HOSTILE.map((name, k) => `{"name": ${JSON.stringify(name)}, "score": ${(u * 7 + s * 5 + k * 11) % 101}, "comment": null}`).join(", ");
      const line = sessionLine({ sid, user: `u${u}`, ts });
      lines.push(line.replace(/"dimensions": \[.*?\], "strength_tags"/, `"dimensions": [${dims}], "strength_tags"`));
      lines.push(mediaLine({ sid, mid: `m${u}_${s}`, user: `u${u}`, ts }));
    }
  }
  return `${lines.join("\n")}\n`;
}

test("hostile dimension names never touch the kit's own columns", async () => {
  const t = await loadTables(writeTemp("hostile.log", hostileLog()));
  assert.deepEqual(t.dimensions, HOSTILE);
  assert.equal(t.sessions.numRows(), 48);
  // The built-in columns keep their values: user ids are users, session ids are ids, timestamps are dates.
  assert.deepEqual(new Set(t.sessions.array("user_id") as string[]), new Set(Array.from({ length: 12 }, (_, u) => `u${u}`)));
  assert.ok((t.sessions.array("session_id") as string[]).every((s) => /^s\d+_\d$/.test(s)));
  assert.ok((t.sessions.array("ts") as Date[]).every((d) => d instanceof Date && d.getUTCFullYear() === 2025));
  assert.ok((t.sessions.array("filler_ratio") as Float64Array).every((v) => v === 0.01));
  assert.equal(t.userMismatches.length, 0);
  assert.equal(t.joined.numRows(), 48);
  assert.ok((t.joined.array("n_media") as ArrayLike<number>).length === 48);
  // Each dimension is its own column, with its own scores.
  for (const [k, name] of HOSTILE.entries()) {
    const col = dimensionColumn(name);
    assert.equal(dimensionOfColumn(col), name);
    const first = (t.sessions.array(col) as ArrayLike<number>)[0];
    assert.equal(first, (0 * 7 + 0 * 5 + k * 11) % 101, name);
  }
  const builtIn = [...Object.values(SESSION_COLUMNS), ...DIAGNOSTIC_COLUMNS];
  for (const c of builtIn) assert.equal(dimensionOfColumn(c), undefined, c);
});

test("hostile dimension names come out of summary, analysis and the report under their own names", async () => {
  const t = await loadTables(writeTemp("hostile.log", hostileLog()));
  const s = summarize(t);
  assert.equal(s.users, 12);
  assert.deepEqual(Object.keys(s.dimensions).sort(), [...HOSTILE].sort());
  assert.equal(JSON.parse(JSON.stringify(s)).dimensions.__proto__.n, 48);
  const a = analyze(t);
  const json = JSON.parse(JSON.stringify(analysisJson(a)));
  assert.deepEqual(Object.keys(json.dimensions).sort(), [...HOSTILE].sort());
  assert.equal(json.dimensions.__proto__.n, 48);
  assert.ok(Object.keys(json.progress.dimensions).includes("__proto__"));
  assert.ok(Number.isFinite(json.progress.dimensions.user_id.mean_change_per_session));
  const r = reportData(t, defaultRules());
  assert.equal(r.tuner.dimensions.length, HOSTILE.length);
});

test("a log with more dimensions than the tag bitmasks hold replays the most scored ones and names the rest", async () => {
  const names = Array.from({ length: 40 }, (_, k) => `d${k}`);
  const lines: string[] = [];
  for (let s = 0; s < 30; s++) {
    // d0…d34 are scored in every session, d35…d39 only in the first (fewer scores: they are the ones left out).
    const present = names.filter((_, k) => k < 35 || s === 0);
    const scores = present.map((name, k) => ({ name, score: (s * 13 + k * 29) % 101 }));
    const strength = scores.filter((d) => d.score >= 75).map((d) => d.name);
    const risk = scores.filter((d) => d.score <= 50).map((d) => d.name);
    const dims = scores.map((d) => `{"name": "${d.name}", "score": ${d.score}, "comment": null}`).join(", ");
    const list = (xs: string[]) => (xs.length ? JSON.stringify(xs).replace(/,/g, ", ") : "null");
    const line = sessionLine({ sid: `s${s}`, ts: `2025-11-01T10:${String(s).padStart(2, "0")}:00` })
      .replace(/"dimensions": \[.*?\], "strength_tags": null, "risk_tags": null/, `"dimensions": [${dims}], "strength_tags": ${list(strength)}, "risk_tags": ${list(risk)}`);
    lines.push(line);
  }
  const t = await loadTables(writeTemp("wide.log", `${lines.join("\n")}\n`));
  assert.equal(t.dimensions.length, 40);
  const input = scoringInput(t.sessions, t.dimensions, defaultRules());
  assert.equal(input.dimensions.length, MAX_SCORED_DIMENSIONS);
  assert.deepEqual(input.omitted, names.slice(30));
  const out = scoreSessions(input, defaultRules());
  const kept = (1 << UNKNOWN_BIT) - 1;
  for (let i = 0; i < input.session_id.length; i++) {
    // Recomputed tags name exactly the kept dimensions at or past the thresholds (no bit of one aliases another).
    const scores = input.dimensions.map((d) => (t.sessions.array(dimensionColumn(d)) as ArrayLike<number>)[i]);
    assert.deepEqual(maskNames(out.strength[i], input.dimensions) ?? [], input.dimensions.filter((_, k) => scores[k] >= 75), `strength of ${input.session_id[i]}`);
    assert.deepEqual(maskNames(out.risk[i], input.dimensions) ?? [], input.dimensions.filter((_, k) => scores[k] <= 50), `risk of ${input.session_id[i]}`);
    assert.equal(input.log.strength[i] & kept, out.strength[i] & kept, `logged strength tags of ${input.session_id[i]}`);
  }
});
