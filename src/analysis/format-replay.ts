import { terminalLines } from "../load/terminal-safe";
import type { ReplayReport } from "./replay";

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/**
 * The human-readable replay (what `metrics-kit replay` prints): the agreement per field, the dimensions left out of
 * the scoring (`omitted`, beyond the `maxScored` most scored), the changes and the first changed sessions; with no
 * session, only that there is none to replay. Every line is `terminalSafe` (`terminalLines`): a dimension name or a
 * session id from the log cannot drive the terminal.
 *
 * @example formatReplay(replay(input, rules), input.omitted ?? [], MAX_SCORED_DIMENSIONS).split("\n")[1] // "  scores: 100.0% identical"
 */
export function formatReplay(r: ReplayReport, omitted: readonly string[], maxScored: number): string {
  // No session, no agreement to tell (the JSON's shares are 1 then, "nothing differs"; "100.0% identical" would mislead).
  if (r.sessions === 0) return terminalLines(["sessions: 0", "no sessions to replay"]);
  const lines = [`sessions: ${r.sessions}`, ...Object.entries(r.agreement).map(([f, s]) => `  ${f}: ${pct(s)} identical`)];
  if (omitted.length) lines.push(`not replayed: ${omitted.length} dimensions beyond the ${maxScored} most scored (${omitted.slice(0, 5).map((d) => JSON.stringify(d)).join(", ")}${omitted.length > 5 ? ", …" : ""})`);
  lines.push(`changed: ${Object.entries(r.changed).map(([k, v]) => `${k} ${v}`).join(", ")}`);
  if (r.examples.length) lines.push(`e.g. ${r.examples.slice(0, 5).join(", ")}`);
  return terminalLines(lines);
}
