import { writeTemp, mediaLine } from "../helpers";

/** A name of 200 characters with spaces, and one of 200 without: they must truncate, not widen the page. */
export const LONG_NAME = "A very long dimension name that somebody typed into the backend's config ".repeat(3).slice(0, 200);
export const LONG_WORD = "Averylongdimensionnamewithoutanyspaces_".repeat(6).slice(0, 200);

/**
 * Fourteen dimension names that attack the way text is shown rather than stored: terminal escapes and other C0/C1
 * controls, bidi overrides and isolates (one left open, one after a stray isolate terminator), the keys of `Object.prototype` (plotly looks categories up
 * in a plain object), plotly's HTML-like markup, and two 200-character names.
 */
export const HOSTILE_NAMES = [
  "结构化表达（STAR）",
  "表达清晰度",
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "esc\u001b[31mred\u001b[0m\r\bback\u009b2Jc1\u0007",
  "rtl \u202edesrever\u202c then \u202eopen",
  "iso \u2067\u05d0\u05d1 lated\u2069 \u200fmark\u200e lre\u202a",
  LONG_NAME,
  LONG_WORD,
  "<b>bold</b> & <i>",
  "反思与成长意识",
  "pdi\u2069\u202estray",
] as const;

/** User ids with a bidi override, an isolate and a terminal escape (the rest plain). */
export const HOSTILE_USERS = ["u\u202e01 evil", "u\u2066iso", "u\u001b[2Jclear"] as const;

/** The session ids of the first student (with an escape sequence) and of the third (with a bidi override). */
export const hostileSessionId = (u: number, s: number) => (u === 0 ? `s0\u001b[1m_${s}` : u === 2 ? `s2\u202e_${s}` : `s${u}_${s}`);

/**
 * A log of 24 students × 4 sessions scored on `HOSTILE_NAMES` (fixed values, no randomness): tags as today's rules
 * give them (strength ≥ 75, risk ≤ 50), 表达清晰度 computed from the diagnostics as the backend does, and a media
 * report (audio, every other one with video) for every session; no suggested tasks (so that `replay` lists changed
 * sessions, the first ones with hostile ids). Returns the log's path.
 */
export function hostileNamesLog(name = "hostile-names.log"): string {
  const lines: string[] = [];
  for (let u = 0; u < 24; u++) {
    const user = u < HOSTILE_USERS.length ? HOSTILE_USERS[u] : `u${u}`;
    for (let s = 0; s < 4; s++) {
      const sid = hostileSessionId(u, s);
      const ts = `2025-11-${String(1 + s * 5 + (u % 5)).padStart(2, "0")}T10:${String(u).padStart(2, "0")}:00`;
      const filler = [0.01, 0.03, 0.06][(u + s) % 3];
      const avgLen = [100, 160, 230][(u * 2 + s) % 3];
      const clarity = 100 - (avgLen > 220 ? 15 : avgLen > 150 ? 8 : 0) - (filler > 0.05 ? 15 : filler > 0.02 ? 8 : 0);
      const scores = HOSTILE_NAMES.map((n, k) => (n === "表达清晰度" ? clarity : (u * 7 + s * (5 + (u % 4) * 4) + k * 11) % 101));
      const dims = HOSTILE_NAMES.map((n, k) => ({ name: n, score: scores[k], comment: null }));
      const list = (xs: string[]) => (xs.length ? xs : null);
      const overall = Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10;
      lines.push(JSON.stringify({
        type: "session_report", user_id: user, session_id: sid,
        evaluation: {
          session_id: sid, overall_score: overall, score: overall, dimensions: dims,
          strength_tags: list(HOSTILE_NAMES.filter((_, k) => scores[k] >= 75)), risk_tags: list(HOSTILE_NAMES.filter((_, k) => scores[k] <= 50)),
          suggested_next_tasks: null, timeline_events: null,
        },
        diagnostics: { total_words: 200 + u * 10 + s * 30, avg_answer_len: avgLen, filler_ratio: filler, reflection_score: scores[12] },
        ts,
      }));
      // mediaLine writes the ids as they are inside its quotes: escaped here as JSON.
      const raw = JSON.stringify(sid).slice(1, -1);
      lines.push(mediaLine({ sid: raw, mid: `m${raw}`, user, ts, type: s % 2 ? "video" : "audio", speech: `${90 + ((u * 13 + s * 7) % 60)}.0`, eye: ((u * 17 + s * 3) % 90) / 100 + 0.05 }));
    }
  }
  return writeTemp(name, `${lines.join("\n")}\n`);
}
