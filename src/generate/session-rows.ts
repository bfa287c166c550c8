import { pyInt } from "./python-json-writer";
import type { BackendScores } from "../rules/backend-scoring";
import type { Rng } from "./rng";

/** The backend's mock timeline messages per event type. */
const TIMELINE_MESSAGES = {
  strength: ["Good eye contact here", "Clear STAR structure", "Confident tone", "Relevant keyword used"],
  gap: ["Too many filler words", "Spoke too fast", "Avoid looking away", "Answer too vague"],
} as const;

/**
 * The backend's mock timeline: 3–5 events at uniform times in 10–120 s, each a strength or a gap with one of its
 * messages, sorted by time.
 *
 * @example timelineEvents(createRng(1)).length // 3, 4 or 5
 */
export function timelineEvents(rng: Rng): { timestamp: number; type: string; message: string }[] {
  const events = [];
  for (let n = rng.int(3, 5); n > 0; n--) {
    const type = rng.bernoulli(0.5) ? "strength" : "gap";
    events.push({ timestamp: 10 + 110 * rng.uniform(), type, message: rng.pick(TIMELINE_MESSAGES[type]) });
  }
  return events.sort((a, b) => a.timestamp - b.timestamp);
}

/**
 * A `session_report` row (without its `ts`) as the backend writes it from a session's scores: the evaluation with
 * `null` for each empty list, the timeline when `timeline` is given, and the diagnostics (`total_words` an int, the
 * rest floats as Python writes them).
 *
 * @example sessionRow("u_1", "s_1", scoreAnswers(["我负责 任务"]), null).evaluation
 */
export function sessionRow(userId: string | null, sid: string, s: BackendScores, timeline: ReturnType<typeof timelineEvents> | null): Record<string, unknown> {
  const evaluation = {
    session_id: sid,
    overall_score: s.overall_score,
    score: s.overall_score,
    dimensions: s.dimensions,
    strength_tags: s.strength_tags,
    risk_tags: s.risk_tags,
    suggested_next_tasks: s.tasks?.map((t) => ({ ...t, suggested_duration_min: pyInt(t.suggested_duration_min) })) ?? null,
    timeline_events: s.dimensions ? timeline : null,
  };
  const d = s.diagnostics;
  const diagnostics = { total_words: pyInt(d.total_words), avg_answer_len: d.avg_answer_len, filler_ratio: d.filler_ratio, reflection_score: d.reflection_score };
  return { type: "session_report", user_id: userId, session_id: sid, evaluation, diagnostics };
}
