import type { MetricsTables } from "../join/load-tables";

/**
 * One stderr line with the load's issue count, for commands whose stdout is data (`sql`, `export`).
 *
 * @example issueCountLine(t) // "metrics-kit: 2 issues (1 rejected line, 1 warning); `metrics-kit summary` lists them\n"
 */
export function issueCountLine(tables: MetricsTables): string {
  const errors = tables.issues.filter((i) => i.severity === "error").length;
  const warnings = tables.issues.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `metrics-kit: ${plural(tables.issues.length, "issue")} (${plural(errors, "rejected line")}, ${plural(warnings, "warning")})` +
    `${tables.issues.length > 0 ? "; `metrics-kit summary` lists them" : ""}\n`;
}
