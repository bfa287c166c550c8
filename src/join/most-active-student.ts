import type * as aq from "arquero";

/**
 * The student with the most sessions (ties: the smallest user_id), or `undefined` when no session has a user_id:
 * a default for "pick a student to see their trajectory".
 *
 * @example trajectoryFigure(t.sessions, t.dimensions, mostActiveStudent(t.sessions)!)
 */
export function mostActiveStudent(sessions: aq.ColumnTable): string | undefined {
  const counts = new Map<string, number>();
  for (const u of sessions.array("user_id") as Iterable<string | null>) if (u != null) counts.set(u, (counts.get(u) ?? 0) + 1);
  let best: string | undefined;
  let most = 0;
  for (const [u, n] of counts) if (n > most || (n === most && best !== undefined && u < best)) [best, most] = [u, n];
  return best;
}
