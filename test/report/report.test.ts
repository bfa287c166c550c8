import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { generateLog, loadTables, scoringInput, defaultRules, setThreshold, rulesDiff, readRules, writeReport, tagOutcome, scoreSessions, analyze, plainAnswers, studentRows, isolateText, type Truth } from "../../src/index";
import { cli, tempDir, writeTemp } from "../helpers";
import { launchChromium, screenshot, watchedPage } from "../browser";

const root = join(__dirname, "..", "..");
const SAMPLE = join(root, "data", "sample", "metrics.log");

/** Sets a tuner control the way a user does: the slider (input events) or the number field (change). */
async function setControl(page: Page, path: string, value: number, via: "range" | "number") {
  await page.evaluate(({ path, value, via }) => {
    const el = document.querySelector<HTMLInputElement>(`input[type=${via}][data-path="${path}"]`)!;
    el.value = String(value);
    el.dispatchEvent(new Event(via === "range" ? "input" : "change"));
  }, { path, value, via });
}

const counts = (page: Page) => page.evaluate(() => {
  const el = document.getElementById("tuner-counts")!;
  return Object.fromEntries(["scores", "strength-tags", "risk-tags", "tasks", "any"].map((k) => [k, Number(el.getAttribute(`data-${k}`))]));
});

test("metrics-kit report writes one self-contained file and refuses to overwrite it without --force", () => {
  const out = join(tempDir(), "report.html");
  const r = cli(["report", SAMPLE, "--out", out]);
  assert.equal(r.status, 0, r.stderr);
  // The sample's truth says what the report must count: sessions, users, and the lines the loader rejects (every
  // injected fault but the unknown row type, which is a warning).
  const truth = JSON.parse(readFileSync(join(dirname(SAMPLE), "truth.json"), "utf8")) as Truth;
  const rejected = truth.faults.filter((f) => f.kind !== "unknown_type").length;
  assert.match(r.stdout, new RegExp(`${truth.counts.sessions} sessions, ${truth.counts.users} users, ${rejected} rejected lines`));
  const html = readFileSync(out, "utf8");
  assert.ok(!/<script[^>]*\ssrc=|<link\b|<iframe\b/i.test(html.slice(0, html.indexOf("(function(define, module, exports)"))), "no external resource");
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';[^"]*connect-src 'none'/);
  assert.equal(html.match(/<\/script>/g)!.length, 3, "three script elements: plotly.js, the data, the report's script");
  const again = cli(["report", SAMPLE, "--out", out]);
  assert.equal(again.status, 2);
  assert.match(again.stderr, /exists; pass --force/);
  assert.equal(readFileSync(out, "utf8"), html, "the refused run left the file as it was");
});

test("the report in Chromium: every chart drawn, no console error, no request; the tuner matches rulesDiff; download and reset", async () => {
  const out = join(tempDir(), "report.html");
  await writeReport(SAMPLE, out);
  const t = await loadTables(SAMPLE);
  const today = defaultRules();
  const input = scoringInput(t.joined, t.dimensions, today);
  const expectedFigures = 1 + t.dimensions.length + 2 + 2 + 1 + 1 + 1 + 2; // quality, histograms, clarity features, top links, cohort, trajectory, replay, tuner
  const browser = await launchChromium();
  try {
    const { page, errors, network } = await watchedPage(browser);
    const context = page.context();
    assert.ok(context);
    await page.goto(pathToFileURL(out).href);
    await page.waitForFunction((n) => document.querySelectorAll(".js-plotly-plot .main-svg").length >= n, expectedFigures);
    assert.equal(await page.locator("[data-figure]").count(), expectedFigures);
    assert.equal(await page.locator("[data-figure].js-plotly-plot").count(), expectedFigures);
    assert.deepEqual(await counts(page), { scores: 0, "strength-tags": 0, "risk-tags": 0, tasks: 0, any: 0 });

    await setControl(page, "tags.strengthAtLeast", 80, "range");
    await setControl(page, "clarity.filler.mid", 0.03, "number");
    await setControl(page, "tags.riskAtMost", 45, "range");
    const tuned = setThreshold(setThreshold(setThreshold(today, "tags.strengthAtLeast", 80), "clarity.filler.mid", 0.03), "tags.riskAtMost", 45);
    const d = rulesDiff(input, today, tuned);
    assert.ok(d.changed.any > 0);
    assert.deepEqual(await counts(page), { scores: d.changed.scores, "strength-tags": d.changed.strength_tags, "risk-tags": d.changed.risk_tags, tasks: d.changed.tasks, any: d.changed.any });
    // agreement of the tuned risk tag on the first dimension with the logged one
    const logged = tagOutcome(input, `risk:${t.dimensions[0]}`);
    const risk = scoreSessions(input, tuned).risk;
    let agree = 0, n = 0;
    logged.forEach((y, i) => { if (Number.isFinite(y)) { n++; agree += ((risk[i] & 1) === y) ? 1 : 0; } });
    assert.equal(Number(await page.locator("#tuner-agreement").getAttribute("data-agreement")), agree / n);
    // a media threshold: set, it flags the sessions above it
    await setControl(page, "media.audio.pause_ratio.max", 0.25, "number");
    const pause = input.media["audio.pause_ratio"];
    assert.equal(Number(await page.locator("#tuner-media").getAttribute("data-flagged")), pause.filter((v) => v > 0.25).length);
    await screenshot(page, "report-tuner");

    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-rules")]);
    const saved = join(tempDir(), "rules.json");
    await download.saveAs(saved);
    assert.deepEqual(readRules(saved), setThreshold(tuned, "media.audio.pause_ratio.max", 0.25));
    const replayed = cli(["replay", SAMPLE, "--rules", saved, "--json"]);
    assert.equal(replayed.status, 0, replayed.stderr);

    await page.click("#reset-rules");
    assert.deepEqual(await counts(page), { scores: 0, "strength-tags": 0, "risk-tags": 0, tasks: 0, any: 0 });
    assert.equal(await page.locator('input[type=number][data-path="tags.strengthAtLeast"]').inputValue(), "75");
    assert.equal(Number(await page.locator("#tuner-media").getAttribute("data-flagged")), 0);

    // the student picker: type part of an id, pick the match; their trajectory is drawn
    const student = t.sessions.array("user_id")[0] as string;
    const sessionsOf = (t.sessions.array("user_id") as (string | null)[]).filter((u) => u === student).length;
    await page.fill("#student", student.slice(0, -1));
    await page.click(`#student-matches button[data-user="${student}"]`);
    await page.waitForFunction((id) => document.querySelector("[data-figure=trajectory] .gtitle")?.textContent?.includes(id), student);
    assert.equal(await page.locator("[data-figure=trajectory] .gtitle").textContent(), `Trajectory of ${student} (${sessionsOf} sessions)`);

    // the three questions in words, the unreachable tags, and the searchable table of who improved on what
    const a = analyze(t);
    // the page's answers isolate every name (isolateText), as reportData writes them
    const answers = plainAnswers(a, defaultRules(), { name: isolateText });
    const answersText = await page.locator("#answers").innerText();
    for (const paragraph of [answers.quality, answers.features, answers.progress]) assert.ok(answersText.includes(paragraph));
    for (const u of a.unreachable_tags) assert.ok((await page.locator("#dimension-quality").innerText()).includes(`${isolateText(u.dimension)} ${u.tag}`));
    const improvers = studentRows(a.progress, { improvedOnly: true });
    assert.ok(improvers.length > 0, "the sample has students who improved");
    assert.equal(await page.locator("#improvers tbody tr").count(), Math.min(200, improvers.length));
    const one = improvers[improvers.length - 1];
    await page.fill("#improver-search", String(one.user_id));
    assert.equal(await page.locator("#improvers tbody tr").count(), improvers.filter((r) => String(r.user_id).includes(String(one.user_id))).length);
    assert.equal(await page.locator("#improvers tbody tr td").first().textContent(), String(one.user_id));
    assert.deepEqual(errors, []);
    assert.deepEqual(network, []);
  } finally {
    await browser.close();
  }
});

test("report --rules: the tuner starts at the file's rules and counts against today's, which the rest of the report reads", async () => {
  const t = await loadTables(SAMPLE);
  const today = defaultRules();
  const tuned = setThreshold(setThreshold(setThreshold(today, "tags.riskAtMost", 55), "clarity.filler.mid", 0.03), "media.audio.pause_ratio.max", 0.3);
  const rulesFile = writeTemp("start-rules.json", JSON.stringify(tuned));
  const out = join(tempDir(), "report.html");
  const r = cli(["report", SAMPLE, "--rules", rulesFile, "--out", out]);
  assert.equal(r.status, 0, r.stderr);
  const input = scoringInput(t.joined, t.dimensions, today);
  const d = rulesDiff(input, today, tuned);
  assert.ok(d.changed.scores > 0 && d.changed.risk_tags > 0);
  const browser = await launchChromium();
  try {
    const { page, errors } = await watchedPage(browser);
    await page.goto(pathToFileURL(out).href);
    await page.waitForFunction(() => document.getElementById("tuner-counts")?.hasAttribute("data-any"));
    // At the start: the file's changes against today's, its values in the fields, today's in the last column.
    assert.deepEqual(await counts(page), { scores: d.changed.scores, "strength-tags": d.changed.strength_tags, "risk-tags": d.changed.risk_tags, tasks: d.changed.tasks, any: d.changed.any });
    assert.equal(await page.locator('input[type=number][data-path="tags.riskAtMost"]').inputValue(), "55");
    const todayCell = await page.locator('tr:has(input[type=number][data-path="tags.riskAtMost"]) td').last().textContent();
    assert.equal(todayCell, "50");
    assert.match(await page.locator("#tuner").innerText(), /preset at the rules given/);
    // The answers in words read today's cut-offs (the rules the log was scored with), not the file's.
    const answers = plainAnswers(analyze(t), today, { name: isolateText });
    assert.ok((await page.locator("#answers").innerText()).includes(answers.features));
    await page.click("#reset-rules");
    assert.deepEqual(await counts(page), { scores: 0, "strength-tags": 0, "risk-tags": 0, tasks: 0, any: 0 });
    assert.equal(await page.locator('input[type=number][data-path="tags.riskAtMost"]').inputValue(), "50");
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test("text from the log cannot run in the report: user ids, session ids, comments, dimension names, messages", async () => {
  const evil = (k: number) => `<img src=x onerror="window.__pwned=${k}"><script>window.__pwned=${k}</script>`;
  const session = (sid: string, user: string, ts: string) => JSON.stringify({
    type: "session_report", user_id: user, session_id: sid,
    evaluation: { session_id: sid, overall_score: 50, score: 50, dimensions: [{ name: evil(3), score: 50, comment: evil(4) }, { name: "表达清晰度", score: 70, comment: evil(5) }], strength_tags: null, risk_tags: [evil(3)], suggested_next_tasks: null, timeline_events: null },
    diagnostics: { total_words: 10, avg_answer_len: 100, filler_ratio: 0.01, reflection_score: 50 }, ts,
  });
  const lines = [
    session(`s1${evil(1)}`, evil(2), "2025-09-01T00:00:00"),
    session("s2", evil(2), "2025-09-02T00:00:00"),
    session("s3", evil(2), "2025-09-03T00:00:00"),
    `{"type": "session_report", "user_id": "${evil(6).replace(/"/g, "'")}", broken`,
    `{"type": "${evil(7).replace(/"/g, "'")}"}`,
  ];
  const log = writeTemp("evil.log", `${lines.join("\n")}\n`);
  const out = join(tempDir(), "evil.html");
  await writeReport(log, out);
  const browser = await launchChromium();
  try {
    const { page, errors, network } = await watchedPage(browser);
    await page.goto(pathToFileURL(out).href);
    await page.waitForFunction(() => document.querySelectorAll(".js-plotly-plot").length > 0);
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.equal(await page.locator("img[src=x]").count(), 0);
    assert.equal(await page.locator("[onerror]").count(), 0);
    // the text is there, shown as text
    assert.ok((await page.locator("body").innerText()).includes("onerror=\"window.__pwned=2\""));
    assert.deepEqual(errors, []);
    assert.deepEqual(network, []);
  } finally {
    await browser.close();
  }
});

test("size and speed: a 10k-session report stays under 7 MB; a tuner update over 100k sessions is timed in Chromium", async () => {
  const dir = tempDir();
  const small = join(dir, "10k.log");
  writeFileSync(small, [...generateLog({ scenario: "baseline", students: 3100, seed: 11 }).lines].join(""));
  const { data, bytes } = await writeReport(small, join(dir, "10k.html"));
  assert.ok(data.summary.sessions >= 10_000, `${data.summary.sessions} sessions`);
  assert.ok(bytes < 7e6, `${bytes} bytes`);
  console.log(`report size: ${(bytes / 1e6).toFixed(2)} MB for ${data.summary.sessions} sessions`);

  const big = join(dir, "100k.log");
  writeFileSync(big, [...generateLog({ scenario: "baseline", students: 30_500, seed: 12 }).lines].join(""));
  const bigOut = join(dir, "100k.html");
  const r = await writeReport(big, bigOut);
  assert.ok(r.data.summary.sessions >= 98_000, `${r.data.summary.sessions} sessions`);
  console.log(`report size: ${(statSync(bigOut).size / 1e6).toFixed(1)} MB for ${r.data.summary.sessions} sessions`);
  const browser = await launchChromium();
  try {
    const { page, errors } = await watchedPage(browser);
    await page.goto(pathToFileURL(bigOut).href);
    await page.waitForFunction(() => Number.isFinite((window as unknown as { metricsKitReport?: { lastUpdateMs: number } }).metricsKitReport?.lastUpdateMs), undefined, { timeout: 60_000 });
    const times: number[] = [];
    for (const v of [76, 78, 80, 82, 84, 86, 88]) {
      await setControl(page, "tags.strengthAtLeast", v, "range");
      times.push(await page.evaluate(() => (window as unknown as { metricsKitReport: { lastUpdateMs: number } }).metricsKitReport.lastUpdateMs));
    }
    times.sort((a, b) => a - b);
    console.log(`tuner update over ${r.data.summary.sessions} sessions: median ${times[3].toFixed(1)} ms, max ${times[6].toFixed(1)} ms (Chromium)`);
    assert.equal(Number(await page.locator("#tuner-counts").getAttribute("data-strength-tags")) > 0, true);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
