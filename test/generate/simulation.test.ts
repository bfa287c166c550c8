import { test } from "node:test";
import assert from "node:assert/strict";
import { generateLog, loadTables, Truth, EMOTIONS, ScenarioName, spearman } from "../../src/index";
import { idMaker } from "../../src/generate/ids";
import { EventHeap } from "../../src/generate/event-heap";
import { writeTemp } from "../helpers";

/** Each line parsed (NaN and Infinity read as null); `{}` for a line that is not JSON (an injected fault). */
function rowsOf(lines: string[]): Record<string, any>[] {
  return lines.map((l) => {
    try {
      return JSON.parse(l.replace(/\b(NaN|Infinity)\b/g, "null"));
    } catch {
      return {};
    }
  });
}

test("ids are a bijection of their counters: distinct positions never share an id", () => {
  const ids = idMaker(20251103);
  const sessions = new Set<string>();
  const media = new Set<string>();
  for (let block = 0; block < 100; block++) {
    for (let k = 0; k < 5000; k++) {
      sessions.add(ids.session(block, k));
      media.add(ids.media(block, k));
    }
  }
  assert.equal(sessions.size, 500_000);
  assert.equal(media.size, 500_000);
  const users = new Set(Array.from({ length: 300_000 }, (_, n) => ids.user(n)));
  assert.equal(users.size, 300_000);
  assert.match(ids.session(7, 3), /^s_[0-9a-f]{16}$/);
  assert.match(ids.media(7, 3), /^m_[0-9a-f]{12}$/);
  assert.match(ids.user(3), /^u_[0-9a-f]{8}$/);
  assert.notEqual(idMaker(1).session(0, 0), idMaker(2).session(0, 0));
  assert.throws(() => ids.media(1 << 24, 0), /id space exhausted/);
});

test("one heap: ties on time go by the given key, else by insertion order", () => {
  const h = new EventHeap<string>();
  h.push(5, "late");
  h.push(1, "b", 2);
  h.push(1, "a", 1);
  h.push(3, "x");
  h.push(3, "y");
  assert.deepEqual([h.pop(), h.pop(), h.pop(), h.pop(), h.pop(), h.pop()].map((e) => e?.value), ["a", "b", "x", "y", "late", undefined]);
});

test("at a moderate size every session has one owner, media ids are unique, and the truth's counts are the loader's", async () => {
  const gen = generateLog({ students: 5000, seed: 9, faults: 0.005 });
  const lines = [...gen.lines];
  const truth = Truth.parse(gen.truth());
  const owner = new Map<string, string | null>();
  const mediaIds = new Set<string>();
  let media = 0;
  for (const row of rowsOf(lines)) {
    if (typeof row.session_id !== "string" || (row.type !== "session_report" && row.type !== "media_report")) continue;
    const before = owner.get(row.session_id);
    assert.ok(before === undefined || before === row.user_id, `${row.session_id} belongs to ${before} and ${row.user_id}`);
    owner.set(row.session_id, row.user_id);
    if (row.type === "media_report" && typeof row.media_id === "string") {
      mediaIds.add(row.media_id);
      media++;
    }
  }
  assert.equal(mediaIds.size, media);
  const t = await loadTables(writeTemp("ids.log", lines.join("")));
  assert.deepEqual(t.rows, { session_report: truth.counts.session_report, media_report: truth.counts.media_report });
  assert.equal(t.sessions.numRows(), truth.counts.sessions);
  assert.equal(t.superseded, truth.counts.superseded_reports);
  assert.equal(t.orphans.numRows(), truth.counts.orphan_media_sessions);
  const users = new Set([...t.data.reports.user_id, ...t.data.media.user_id].filter((u) => u !== null));
  assert.equal(users.size, truth.counts.users);
  assert.ok(truth.counts.sessions > 15_000, `${truth.counts.sessions} sessions`);
});

test("media are filled as the backend's analysers fill them", () => {
  const gen = generateLog({ students: 600, seed: 4 });
  const lines = [...gen.lines];
  const quirksAt = new Map<number, string[]>();
  for (const q of gen.truth().quirks) quirksAt.set(q.line, [...(quirksAt.get(q.line) ?? []), q.kind]);
  const seen = new Set<string>();
  rowsOf(lines).forEach((row, i) => {
    if (row.type !== "media_report") return;
    const a = row.audio_features;
    const v = row.video_features;
    const quirks = quirksAt.get(i + 1) ?? [];
    const quirk = ["missing_file", "no_face", "null_features"].find((k) => quirks.includes(k));
    assert.equal(a.emotion, null);
    if (quirk === "missing_file") {
      seen.add(quirk);
      assert.deepEqual([a.speech_rate, a.pause_ratio, a.pitch_variance], [null, null, null]);
      assert.equal(typeof a.filler_word_ratio, "number"); // from the transcript alone
    }
    if (!v) return assert.equal(row.media_type, "audio");
    if (quirk === "missing_file" || quirk === "no_face" || quirk === "null_features") {
      seen.add(`video ${quirk}`);
      assert.ok(Object.values(v).every((x) => x === null), `${quirk}: ${JSON.stringify(v)}`);
      return;
    }
    assert.deepEqual(Object.keys(v.emotion_distribution), [...EMOTIONS]);
    const shares = Object.values(v.emotion_distribution) as number[];
    assert.equal(v.emotion_distribution[v.dominant_emotion], Math.max(...shares));
    assert.ok(Number.isInteger(v.eye_contact_score * 10) && Number.isInteger(v.posture_score * 10)); // shares of 10 frames
  });
  for (const kind of ["missing_file", "video missing_file", "video no_face", "video null_features"]) assert.ok(seen.has(kind), `no ${kind} planted`);
});

test("the truth states the expected verdicts and flags; the planted length confound rises with the amount said, no other dimension does", () => {
  for (const name of ScenarioName.options) {
    for (const seed of [1, 2]) {
      const gen = generateLog({ scenario: name, students: 200, seed });
      for (const _ of gen.lines);
      const truth = gen.truth();
      for (const [dim, d] of Object.entries(truth.dimensions)) {
        const planted = name === "length-confound" && dim === "反思与成长意识";
        assert.equal(d.expected_flags.length_driven, planted, `${name} ${dim}`);
        if (planted) assert.ok(d.length_r! >= 0.4, `${name} seed ${seed} ${dim}: length ρ ${d.length_r}`);
        else assert.ok(Math.abs(d.length_r!) < 0.3, `${name} seed ${seed} ${dim}: length ρ ${d.length_r}`);
        const arbitrary = planted || (name === "arbitrary" && dim === "反思与成长意识");
        assert.equal(d.expected_verdict, arbitrary ? "arbitrary" : name === "ceiling" && dim === "表达清晰度" ? "concentrated" : "ok");
        assert.equal(d.expected_flags.unreliable, arbitrary || (name === "ceiling" && dim === "表达清晰度"), `${name} ${dim}: unreliable`);
        assert.equal(d.expected_flags.unsupported, planted ? null : arbitrary, `${name} ${dim}: unsupported`);
        // no ability signal where none is planted; a clear one elsewhere
        assert.ok(arbitrary ? Math.abs(d.ability_link!) < 0.15 : d.ability_link! > 0.25, `${name} ${dim}: ability link ${d.ability_link}`);
      }
      assert.deepEqual(truth.null_features, ["audio.pitch_variance", "video.smile_ratio", "video.posture_score", "video.head_movement_score"]);
      for (const f of truth.null_features) assert.deepEqual(truth.features[f], {});
    }
  }
});

test("the truth's length_r is Spearman's ρ of each score with total_words over the log's reported sessions", () => {
  const gen = generateLog({ scenario: "length-confound", students: 150, seed: 5 });
  const rows = rowsOf([...gen.lines]).filter((r) => r.type === "session_report" && r.evaluation.dimensions);
  const first = rows.filter((r, i) => rows.findIndex((o) => o.session_id === r.session_id) === i);
  const words = first.map((r) => r.diagnostics.total_words);
  for (const [d, name] of ["结构化表达（STAR）", "表达清晰度", "反思与成长意识"].entries()) {
    const rho = spearman(first.map((r) => r.evaluation.dimensions[d].score), words)!;
    assert.ok(Math.abs(gen.truth().dimensions[name].length_r! - rho) < 1e-12, `${name}: ${gen.truth().dimensions[name].length_r} vs ${rho}`);
  }
});
