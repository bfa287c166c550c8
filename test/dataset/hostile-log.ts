import { writeTemp } from "../helpers";

/** Dimension names that would break unquoted SQL, a plain-object record or a CSV header. */
export const HOSTILE_DIMENSIONS = ['"; drop table sessions; --', "it's", "__proto__", "select", "a,b\nc", "表达清晰度"] as const;

/**
 * A small log with fixed values (no randomness): 24 sessions of 5 students (one guest) over Oct–Nov 2025, scored on
 * the hostile dimensions, a re-reported session, media (audio and video) for every other session, an orphan media
 * report and one bad line.
 */
export function hostileLog(): string {
  const lines: string[] = [];
  for (let i = 0; i < 24; i++) {
    const user = i % 6 === 5 ? null : `u${i % 5}`;
    const day = 1 + ((i * 7) % 28);
    const ts = `2025-${i < 12 ? "10" : "11"}-${String(day).padStart(2, "0")}T${String(i % 24).padStart(2, "0")}:15:30.${String(1000000 + i * 37123).slice(1)}`;
    const dims = HOSTILE_DIMENSIONS.map((name, k) => `{"name": ${JSON.stringify(name)}, "score": ${k === 2 && i % 4 === 0 ? "NaN" : 40 + ((i * 13 + k * 7) % 60) + 0.5}, "comment": ${k % 2 ? "null" : JSON.stringify(`c${i},"${k}"`)}}`);
    const tags = i % 3 === 0 ? `[${JSON.stringify(HOSTILE_DIMENSIONS[0])}, "it's"]` : "null";
    lines.push(`{"type": "session_report", "user_id": ${JSON.stringify(user)}, "session_id": "s${i}", "evaluation": {"session_id": "s${i}", "overall_score": ${50 + i}.5, "score": ${50 + i}.5, "dimensions": [${dims.join(", ")}], "strength_tags": ${tags}, "risk_tags": null, "suggested_next_tasks": null, "timeline_events": null}, "diagnostics": {"total_words": ${100 + i}, "avg_answer_len": ${10 + i / 4}, "filler_ratio": 0.0${i % 10}, "reflection_score": 60.0}, "ts": "${ts}"}`);
    if (i % 2 === 0) {
      const video = i % 4 === 0 ? `, "video_features": {"eye_contact_score": 0.${i + 10}, "smile_ratio": 0.2, "posture_score": 0.7, "head_movement_score": 0.3, "dominant_emotion": "neutral", "emotion_distribution": {"angry": 0.0, "disgust": 0.0, "fear": 0.0, "happy": 0.2, "sad": 0.0, "surprise": 0.0, "neutral": 0.8}}` : "";
      lines.push(`{"type": "media_report", "user_id": ${JSON.stringify(user)}, "session_id": "s${i}", "media_id": "m${i}", "media_type": "${video ? "video" : "audio"}", "audio_features": {"speech_rate": ${100 + i}.0, "pause_ratio": 0.2, "filler_word_ratio": 0.03, "pitch_variance": 20.0, "emotion": "neutral"}${video}, "ts": "${ts.replace(":15:", ":45:")}"}`);
    }
  }
  lines.push(lines[0].replace('"overall_score": 50.5', '"overall_score": 51.5').replace("T00:15:30", "T23:59:00"));
  lines.push('{"type": "media_report", "user_id": "u9", "session_id": "orphan", "media_id": "mo", "media_type": "audio", "audio_features": {"speech_rate": 90.0, "pause_ratio": 0.1, "filler_word_ratio": 0.0, "pitch_variance": 10.0, "emotion": "happy"}, "ts": "2025-11-20T10:00:00"}');
  lines.push('{"type": "session_report", "session_id": broken');
  return writeTemp("hostile.log", `${lines.join("\n")}\n`);
}
