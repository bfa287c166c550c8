import { test } from "node:test";
import assert from "node:assert/strict";
import * as aq from "arquero";
import { generateLog, loadTables, analyze, analysisJson, studentTimelines, dimensionColumn } from "../../src/index";
import { timelineInput } from "../../src/analysis/timeline-input";
import { dimensionQuality } from "../../src/analysis/dimension-quality";
import { studentProgress } from "../../src/analysis/student-progress";
import { writeTemp } from "../helpers";

/** The rows of a timeline as the analyses read them: user, time in ms, scores (NaN where missing), index and count. */
const rowsOf = (tl: aq.ColumnTable, dims: readonly string[]) => (tl.objects() as Record<string, unknown>[]).map((r) => [
  r.user_id, r.ts === null ? NaN : +(r.ts as Date), ...dims.map((d) => (Number.isFinite(r[dimensionColumn(d)]) ? r[dimensionColumn(d)] : NaN)), r.session_index, r.n_sessions,
]);

test("studentTimelines(timelineInput(…)) has the rows of studentTimelines(sessions) in the same order: ties in ts, a missing time, guests, missing scores", () => {
  const at = (m: number) => new Date(Date.UTC(2025, 10, 1, 0, m));
  const sessions = aq.table({
    session_id: ["a", "b", "c", "d", "e", "f", "g", "h"],
    user_id: ["u2", "u1", null, "u1", "u2", "u1", "u2", "u1"],
    ts: [at(5), at(3), at(1), at(3), null, at(1), at(5), at(9)],
    "score:d": [50, null, 70, 60, NaN, 40, 55, 80],
    "score:e": [1, 2, 3, 4, 5, 6, 7, Infinity],
  });
  const dims = ["d", "e"];
  assert.deepEqual(rowsOf(studentTimelines(timelineInput(sessions, dims)), dims), rowsOf(studentTimelines(sessions), dims));
  const ordered = sessions.orderby(aq.desc("session_id")).filter((r: { session_id: string }) => r.session_id !== "b");
  assert.deepEqual(rowsOf(studentTimelines(timelineInput(ordered, dims)), dims), rowsOf(studentTimelines(ordered), dims));
});

test("analyze on the compact timeline gives the analysis of the full one", async () => {
  const gen = generateLog({ students: 150, sessions: [2, 6], seed: 4 });
  const t = await loadTables(writeTemp("timeline-input.log", [...gen.lines].join("")));
  const full = studentTimelines(t.sessions);
  const links = analyze(t, { links: { resamples: 50 } }).links;
  const quality = dimensionQuality(t.sessions, t.dimensions, { links, timeline: full });
  const progress = studentProgress(t.sessions, t.dimensions, quality, { timeline: full });
  const a = analyze(t, { links: { resamples: 50 } });
  assert.deepEqual(JSON.stringify(analysisJson(a)), JSON.stringify(analysisJson({ ...a, quality, progress })));
});
