import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";

/** A fresh temporary folder for one test file. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "metrics-kit-test-"));
}

/** Writes `text` to a new file in a temp folder and returns its path. */
export function writeTemp(name: string, text: string | Buffer): string {
  const path = join(tempDir(), name);
  writeFileSync(path, text);
  return path;
}

/** Runs the built CLI (`bin/metrics-kit.js`) and returns its exit status and output. */
export function cli(args: string[], input?: string): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(__dirname, "..", "bin", "metrics-kit.js"), ...args], { encoding: "utf8", input, maxBuffer: 1 << 28 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A session_report line as the backend writes it (Python separators, ts last). */
export function sessionLine(o: { sid: string; user?: string | null; ts: string; scores?: [number, number, number] | null; avgLen?: number; filler?: number; extra?: string }): string {
  const s = o.scores === undefined ? [60.0, 92, 80.0] : o.scores;
  const user = o.user === undefined ? "u1" : o.user;
  const dims = s === null ? "null" : `[{"name": "结构化表达（STAR）", "score": ${s[0]}, "comment": "ok"}, {"name": "表达清晰度", "score": ${s[1]}, "comment": null}, {"name": "反思与成长意识", "score": ${s[2]}, "comment": null}]`;
  const overall = s === null ? "null" : String(Math.round(((s[0] + s[1] + s[2]) / 3) * 10) / 10);
  return `{"type": "session_report", "user_id": ${JSON.stringify(user)}, "session_id": "${o.sid}", "evaluation": {"session_id": "${o.sid}", "overall_score": ${overall}, "score": ${overall}, "dimensions": ${dims}, "strength_tags": null, "risk_tags": null, "suggested_next_tasks": null, "timeline_events": null${o.extra ?? ""}}, "diagnostics": {"total_words": 400, "avg_answer_len": ${o.avgLen ?? 100.0}, "filler_ratio": ${o.filler ?? 0.01}, "reflection_score": ${s === null ? 0.0 : s[2]}}, "ts": "${o.ts}"}`;
}

/** A media_report line. */
export function mediaLine(o: { sid: string; mid: string; user?: string | null; ts: string; type?: "audio" | "video"; speech?: string; eye?: number }): string {
  const user = o.user === undefined ? "u1" : o.user;
  const video = o.type === "video" ? `, "video_features": {"eye_contact_score": ${o.eye ?? 0.5}, "smile_ratio": 0.2, "posture_score": 0.7, "head_movement_score": 0.3, "dominant_emotion": "neutral", "emotion_distribution": {"angry": 0.0, "disgust": 0.0, "fear": 0.0, "happy": 0.2, "sad": 0.0, "surprise": 0.0, "neutral": 0.8}}` : "";
  return `{"type": "media_report", "user_id": ${JSON.stringify(user)}, "session_id": "${o.sid}", "media_id": "${o.mid}", "media_type": "${o.type ?? "audio"}", "audio_features": {"speech_rate": ${o.speech ?? "120.0"}, "pause_ratio": 0.2, "filler_word_ratio": 0.03, "pitch_variance": 20.0, "emotion": "neutral"}${video}, "ts": "${o.ts}"}`;
}
