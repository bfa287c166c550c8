import type { Summary } from "./summarize";
import { terminalLines } from "../load/terminal-safe";

const fmt = (x: number | null, digits = 2) => (x === null ? "–" : x.toFixed(digits));

/**
 * The human-readable summary: counts, time range, issues grouped by code with their first line numbers, dimensions,
 * media. Every line is `terminalSafe` (`terminalLines`): whatever comes from the log or its name (files, paths,
 * messages, dimension names, drift keys) has its control characters escaped, so a log cannot drive the terminal that
 * prints it.
 *
 * @example console.log(formatSummary(summarize(await loadTables("metrics.log"))))
 */
export function formatSummary(s: Summary): string {
  const lines: string[] = [];
  lines.push(`files: ${s.files.join(", ")}`);
  lines.push(`rows: ${s.rows.session_report} session_report, ${s.rows.media_report} media_report`);
  // users are the distinct user_id of reports and media alike: a window can hold more users than sessions
  lines.push(`sessions: ${s.sessions} (${s.superseded_reports} superseded reports), users: ${s.users} (in reports or media)`);
  lines.push(`time range: ${s.time_range ? `${s.time_range.first} – ${s.time_range.last}` : "–"}`);
  const byCode = new Map<string, Summary["issues"]>();
  for (const i of s.issues) {
    const key = `${i.severity} ${i.code}`;
    if (!byCode.has(key)) byCode.set(key, []);
    byCode.get(key)!.push(i);
  }
  lines.push(`issues: ${s.issues.length}${s.issues.length ? "" : " (every line became a row)"}`);
  for (const [key, list] of byCode) {
    const where = list.slice(0, 5).map((i) => `${i.file}:${i.line}${i.path ? ` ${i.path}` : ""}`).join(", ");
    lines.push(`  ${key}: ${list.length} — ${where}${list.length > 5 ? ", …" : ""}`);
    lines.push(`    e.g. ${list[0].message}`);
  }
  const drift = Object.entries(s.schema_drift);
  if (drift.length) lines.push(`schema drift (unknown keys, kept): ${drift.map(([k, n]) => `${k} ×${n}`).join(", ")}`);
  lines.push("dimensions (current reports):");
  for (const [name, d] of Object.entries(s.dimensions)) {
    lines.push(`  ${name}: n=${d.n} mean=${fmt(d.mean)} std=${fmt(d.std)} min=${fmt(d.min, 1)} max=${fmt(d.max, 1)}`);
  }
  lines.push(`media: ${s.joined.sessions_with_media} of ${s.sessions} sessions have media; ${s.joined.orphan_media_sessions} media sessions have no report; ${s.user_mismatches} user_id mismatches`);
  return terminalLines(lines);
}
