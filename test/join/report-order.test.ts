import { test } from "node:test";
import assert from "node:assert/strict";
import { randomLcg } from "d3-random";
import { loadTables, sessionsTable } from "../../src/index";
import { writeTemp, sessionLine } from "../helpers";

// Logs of session reports with many equal times and re-reports, written in time order (the one-pass path) and
// shuffled (the sort), against orders worked out here from the lines themselves: current = each session's latest
// report by ts, a later line winning a tie; rows ordered by ts, then line.
function reports(seed: number, shuffled: boolean): { sid: string; ms: number }[] {
  const random = randomLcg(seed);
  const rows = Array.from({ length: 400 }, () => ({ sid: `s${Math.floor(random() * 120)}`, ms: Date.UTC(2025, 10, 3, 9, Math.floor(random() * 40)) }));
  if (!shuffled) rows.sort((a, b) => a.ms - b.ms);
  return rows;
}

function expected(rows: { sid: string; ms: number }[], which: "current" | "superseded" | "all"): string[] {
  const latest = new Map<string, number>();
  rows.forEach((r, line) => {
    const k = latest.get(r.sid);
    if (k === undefined || rows[k].ms <= r.ms) latest.set(r.sid, line);
  });
  const lines = rows.map((_, line) => line).filter((line) => which === "all" || (latest.get(rows[line].sid) === line) === (which === "current"));
  lines.sort((a, b) => rows[a].ms - rows[b].ms || a - b);
  return lines.map((line) => `${rows[line].sid}@${line + 1}`);
}

for (const shuffled of [false, true]) {
  test(`sessions ordered by ts then line, reports ${shuffled ? "out of" : "in"} time order`, async () => {
    for (const seed of [0.11, 0.52]) {
      const rows = reports(seed, shuffled);
      const log = rows.map((r) => sessionLine({ sid: r.sid, ts: new Date(r.ms).toISOString().slice(0, 19) })).join("\n") + "\n";
      const t = await loadTables(writeTemp("order.log", log), { cache: false });
      for (const which of ["current", "superseded", "all"] as const) {
        const table = sessionsTable(t.data, { reports: which });
        const got = (table.array("session_id") as string[]).map((sid, k) => `${sid}@${table.get("line", k)}`);
        assert.deepEqual(got, expected(rows, which), `${which}, seed ${seed}`);
      }
    }
  });
}
