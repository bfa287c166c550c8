import { terminalLines } from "../load/terminal-safe";
import type { ReportData } from "./report-data";

/**
 * The one line `metrics-kit report` prints once the report is written: where, its size, the counts and every
 * dimension's verdict ("verdicts: none" when no dimension has a score). `terminalSafe` (`terminalLines`): a dimension name from the log, or a file name, cannot
 * drive the terminal.
 *
 * @example reportLine("build/report.html", 4.9e6, data) // "build/report.html (4.9 MB): 358 sessions, 60 users, … verdicts: 表达清晰度 concentrated, …"
 */
export function reportLine(out: string, bytes: number, data: ReportData): string {
  const s = data.summary;
  return terminalLines([`${out} (${(bytes / 1e6).toFixed(1)} MB): ${s.sessions} sessions, ${s.users} users, ${data.issues.errors} rejected lines, ${data.issues.total - data.issues.errors} warnings; ` +
    `verdicts: ${data.quality.length ? data.quality.map((q) => `${q.dimension} ${q.verdict}`).join(", ") : "none"}`]);
}
