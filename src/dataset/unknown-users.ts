import type { MetricsData } from "../store/metrics-data";

/**
 * The ids among `users` that no row of `data` has — a typo, or a note left on a `--users` line: they select
 * nothing, which a filter alone would not tell.
 *
 * @example unknownUsers(t.data, ["u_2da1d71c", "u_typo"]) // ["u_typo"]
 */
export function unknownUsers(data: MetricsData, users: Iterable<string>): string[] {
  const known = new Set<string | null>(data.reports.user_id.values);
  for (const u of data.media.user_id.values) known.add(u);
  return [...new Set(users)].filter((u) => !known.has(u));
}
