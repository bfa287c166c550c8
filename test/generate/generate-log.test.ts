import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { sampleCorrelation } from "simple-statistics";
import { generateLog, loadTables, Truth, dimensionColumn, type GenerateOptions } from "../../src/index";
import { writeTemp } from "../helpers";

function generate(options: GenerateOptions) {
  const gen = generateLog(options);
  const text = [...gen.lines].join("");
  return { text, truth: Truth.parse(gen.truth()) };
}

test("same seed → same bytes; another seed → other data", () => {
  const a = generate({ students: 40, seed: 5, faults: 0.02 });
  const b = generate({ students: 40, seed: 5, faults: 0.02 });
  const c = generate({ students: 40, seed: 6, faults: 0.02 });
  const hash = (s: string) => createHash("sha256").update(s).digest("hex");
  assert.equal(hash(a.text), hash(b.text));
  assert.notEqual(hash(a.text), hash(c.text));
});

test("round trip without faults: no errors, the warnings are exactly the planted NaN/Infinity, counts equal the truth", async () => {
  const { text, truth } = generate({ students: 150, seed: 3 });
  const t = await loadTables(writeTemp("rt.log", text));
  assert.deepEqual(t.issues.filter((i) => i.severity === "error"), []);
  const nonFinite = truth.quirks.filter((q) => q.kind === "nan" || q.kind === "infinity").map((q) => q.line);
  assert.deepEqual(t.issues.map((i) => i.line), nonFinite);
  assert.ok(t.issues.every((i) => i.code === "non_finite"));
  assert.deepEqual(t.rows, { session_report: truth.counts.session_report, media_report: truth.counts.media_report });
  assert.equal(t.sessions.numRows(), truth.counts.sessions);
  assert.equal(t.superseded, truth.counts.superseded_reports);
  assert.equal(t.orphans.numRows(), truth.counts.orphan_media_sessions);
  const withMedia = (t.joined.array("n_media") as number[]).filter((n) => n > 0).length;
  assert.equal(withMedia, truth.counts.sessions_with_media);
  const users = new Set([...t.data.reports.user_id, ...t.data.media.user_id].filter((u) => u !== null));
  assert.equal(users.size, truth.counts.users);
  for (const kind of ["guest", "no_answers", "rereport", "no_microseconds", "offset_ts", "orphan_media"]) {
    assert.ok(truth.quirks.some((q) => q.kind === kind), `quirk ${kind} planted`);
  }
  assert.match(text, /"ts": "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d"\}/); // a timestamp without microseconds, last key
  assert.match(text, /"user_id": null/);
});

test("with faults the loader reports exactly the injected faults, at exactly their lines", async () => {
  const { text, truth } = generate({ students: 150, seed: 4, faults: 0.03 });
  assert.ok(truth.faults.length > 10);
  assert.ok(!text.endsWith("\n"), "the last line is torn");
  const t = await loadTables(writeTemp("faults.log", text));
  const reported = t.issues.filter((i) => i.code !== "non_finite").map((i) => i.line);
  assert.deepEqual(reported, truth.faults.map((f) => f.line));
  const codeOf: Record<string, string[]> = { torn_line: ["invalid_json", "torn_line"], invalid_json: ["invalid_json"], wrong_type: ["schema"], missing_key: ["schema"], unknown_type: ["unknown_type"] };
  const byLine = new Map(t.issues.map((i) => [i.line, i.code]));
  for (const f of truth.faults) assert.ok(codeOf[f.kind].includes(byLine.get(f.line)!), `${f.kind} at ${f.line}`);
  assert.deepEqual(t.rows, { session_report: truth.counts.session_report, media_report: truth.counts.media_report });
});

test("faults have their own random stream: a faulted log is its clean twin with lines damaged or added, the planted truth the same", () => {
  for (const seed of [4, 11]) {
    const clean = generate({ students: 150, seed });
    const faulted = generate({ students: 150, seed, faults: 0.05 });
    const kinds = new Map(faulted.truth.faults.map((f) => [f.line, f.kind]));
    assert.ok(kinds.size > 20, `${kinds.size} faults`);
    const cleanLines = clean.text.split("\n").slice(0, -1);
    const lines = faulted.text.split("\n");
    // every line is the clean twin's next line, or a fault: a damaged version of it (which takes its place), an
    // unknown-type line before it (added), or the torn last line (added)
    let next = 0;
    lines.forEach((line, k) => {
      const kind = kinds.get(k + 1);
      if (kind === "unknown_type" || (kind === "torn_line" && k === lines.length - 1)) return;
      if (kind === undefined) assert.equal(line, cleanLines[next], `line ${k + 1} of seed ${seed}`);
      else assert.notEqual(line, cleanLines[next], `line ${k + 1} (${kind}) of seed ${seed}`);
      next++;
    });
    assert.equal(next, cleanLines.length);
    for (const key of ["params", "features", "null_features", "unreachable_tags", "planted_threshold", "improvers", "improvement"] as const) {
      assert.deepEqual(faulted.truth[key], clean.truth[key], `${key} of seed ${seed}`);
    }
  }
});

/** Fisher-z 95% interval of a Pearson r. */
function interval(x: number[], y: number[]): [number, number] {
  const r = sampleCorrelation(x, y);
  const z = Math.atanh(r);
  const se = 1 / Math.sqrt(x.length - 3);
  return [Math.tanh(z - 1.96 * se), Math.tanh(z + 1.96 * se)];
}

function pairs(t: Awaited<ReturnType<typeof loadTables>>, a: string, b: string): [number[], number[]] {
  const xs = t.joined.array(a) as ArrayLike<number | undefined>;
  const ys = t.joined.array(b) as ArrayLike<number | undefined>;
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    const u = xs[i];
    const v = ys[i];
    if (typeof u === "number" && typeof v === "number" && Number.isFinite(u) && Number.isFinite(v)) {
      x.push(u);
      y.push(v);
    }
  }
  return [x, y];
}

test("planted links show in the data: strong links on their planted side of zero, a null link's interval covers zero", async () => {
  const { text } = generate({ scenario: "strong-media", students: 400, seed: 8 });
  const t = await loadTables(writeTemp("links.log", text));
  const [fx, fy] = pairs(t, "audio.filler_word_ratio", dimensionColumn("表达清晰度"));
  assert.ok(interval(fx, fy)[1] < 0, "filler_word_ratio ~ clarity is negative");
  const [ex, ey] = pairs(t, "video.eye_contact_score", "overall_score");
  assert.ok(interval(ex, ey)[0] > 0, "eye contact ~ overall is positive");
  const [px, py] = pairs(t, "audio.pitch_variance", "overall_score");
  const ci = interval(px, py);
  assert.ok(ci[0] < 0 && ci[1] > 0, `pitch_variance is unrelated: ${ci}`);
});

test("scenarios plant what they say: ceiling piles clarity at 100, arbitrary reflection is unstable, improvers improve", async () => {
  const share100 = async (scenario: GenerateOptions["scenario"]) => {
    const t = await loadTables(writeTemp("c.log", generate({ scenario, students: 200, seed: 9 }).text));
    const xs = Array.from(t.sessions.array(dimensionColumn("表达清晰度")) as Float64Array).filter(Number.isFinite);
    return xs.filter((x) => x === 100).length / xs.length;
  };
  assert.ok((await share100("ceiling")) > 0.5);
  assert.ok((await share100("baseline")) < 0.15);

  const { text, truth } = generate({ scenario: "improvers", students: 300, seed: 10, sessions: [3, 6] });
  const t = await loadTables(writeTemp("imp.log", text));
  const improvers = new Set(truth.improvers["结构化表达（STAR）"]);
  assert.ok(improvers.size > 15, `${improvers.size} improvers`); // ~30 of 300 students expected; 15 is below any plausible draw
  const grew = truth.improvement["结构化表达（STAR）"];
  assert.deepEqual(truth.improvers["表达清晰度"], []);
  // mean last − first STAR score: improvers gain clearly, the others do not
  const byUser = new Map<string, number[]>();
  const users = t.sessions.array("user_id") as (string | null)[];
  const star = t.sessions.array(dimensionColumn("结构化表达（STAR）")) as Float64Array;
  users.forEach((u, i) => {
    if (u && Number.isFinite(star[i])) byUser.set(u, [...(byUser.get(u) ?? []), star[i]]);
  });
  const gain = (pick: (u: string) => boolean) => {
    const g = [...byUser].filter(([u, s]) => pick(u) && s.length >= 3).map(([, s]) => s[s.length - 1] - s[0]);
    return g.reduce((a, b) => a + b, 0) / g.length;
  };
  assert.ok(gain((u) => improvers.has(u)) > 20);
  assert.ok(Math.abs(gain((u) => grew[u] === undefined)) < 8);
  assert.equal(truth.dimensions["表达清晰度"].expected_verdict, "ok");
  const arb = generate({ scenario: "arbitrary", students: 100, seed: 1 }).truth;
  assert.equal(arb.dimensions["反思与成长意识"].expected_verdict, "arbitrary");
  assert.ok(Math.abs(arb.dimensions["反思与成长意识"].ability_link!) < 0.15);
  assert.ok(arb.dimensions["结构化表达（STAR）"].ability_link! > 0.7);
});
