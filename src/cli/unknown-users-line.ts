import { unknownUsers } from "../dataset/unknown-users";
import { terminalLines } from "../load/terminal-safe";
import type { MetricsData } from "../store/metrics-data";

const SHOWN = 5;

/**
 * The warning line for `--users` ids (of `option`) that no row of the logs has, or `undefined` when every id is
 * known: they select nothing, which a filter alone would not tell.
 *
 * @example unknownUsersLine(t.data, ["u_typo"], "--users") // 'metrics-kit: --users: 1 of 1 ids match no student in the logs: "u_typo"\n'
 */
export function unknownUsersLine(data: MetricsData, users: readonly string[] | undefined, option: string): string | undefined {
  const unknown = users ? unknownUsers(data, users) : [];
  if (unknown.length === 0) return undefined;
  const shown = unknown.slice(0, SHOWN).map((u) => JSON.stringify(u)).join(", ");
  return `${terminalLines([`metrics-kit: ${option}: ${unknown.length} of ${new Set(users).size} ids match no student in the logs: ${shown}${unknown.length > SHOWN ? ", …" : ""}`])}\n`;
}
