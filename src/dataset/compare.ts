import type { MetricsTables } from "../join/load-tables";
import { summarize } from "../summary/summarize";
import { dimensionQuality } from "../analysis/dimension-quality";

/** One figure of two sides and its change (`b − a`; `null` when either side has none). Every figure has all four keys. */
export interface ComparedFigure {
  figure: string;
  a: number | null;
  b: number | null;
  change: number | null;
}

/** What `compare` gives: figures side by side, and each dimension's verdict on each side. */
export interface Comparison {
  figures: ComparedFigure[];
  verdicts: { dimension: string; a: string | null; b: string | null }[];
}

const QUALITY = ["n", "mean", "std", "retest_r", "item_rest_r", "ceiling_share"] as const;

/** A record's own entry (dimension names are data: `constructor` must not find Object's). */
function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function figure(name: string, a: number | null | undefined, b: number | null | undefined): ComparedFigure {
  const x = a ?? null;
  const y = b ?? null;
  return { figure: name, a: x, b: y, change: x === null || y === null ? null : y - x };
}

/**
 * Two sets of tables side by side — two time windows or two cohorts, usually `filterTables` of one load: the
 * summary's counts (sessions, users, superseded reports, sessions with media, orphan media sessions), then for
 * every dimension of either side its quality figures (n, mean, sd, retest r, item–rest r, ceiling share) and
 * Cronbach's α, each with the change from `a` to `b`; and each dimension's verdict on each side. A side with no score
 * of a dimension (an empty side) has its n 0 and its other figures and verdict `null`.
 *
 * @example
 * const c = compare(filterTables(t, { until: Date.UTC(2025, 10, 1) }), filterTables(t, { since: Date.UTC(2025, 10, 1) }));
 * c.figures.find((f) => f.figure === "sessions") // { figure: "sessions", a: 344, b: 14, change: -330 }
 */
export function compare(a: MetricsTables, b: MetricsTables): Comparison {
  const [sa, sb] = [summarize(a), summarize(b)];
  const figures = [
    figure("sessions", sa.sessions, sb.sessions),
    figure("users", sa.users, sb.users),
    figure("superseded reports", sa.superseded_reports, sb.superseded_reports),
    figure("sessions with media", sa.joined.sessions_with_media, sb.joined.sessions_with_media),
    figure("orphan media sessions", sa.joined.orphan_media_sessions, sb.joined.orphan_media_sessions),
  ];
  const [qa, qb] = [dimensionQuality(a.sessions, a.dimensions), dimensionQuality(b.sessions, b.dimensions)];
  const names = [...new Set([...a.dimensions, ...b.dimensions])];
  for (const name of names) {
    const [da, db] = [own(qa.dimensions, name), own(qb.dimensions, name)];
    // A side without a score of the dimension (no session at all, say) has n = 0 and no other figure.
    for (const q of QUALITY) figures.push(q === "n" ? figure(`${name}: n`, da?.n ?? 0, db?.n ?? 0) : figure(`${name}: ${q}`, da?.[q], db?.[q]));
  }
  figures.push(figure("cronbach_alpha", qa.cronbach_alpha, qb.cronbach_alpha));
  const verdicts = names.map((dimension) => ({ dimension, a: own(qa.dimensions, dimension)?.verdict ?? null, b: own(qb.dimensions, dimension)?.verdict ?? null }));
  return { figures, verdicts };
}
