// The HTML report's script (bundled by esbuild into one IIFE): reads the embedded JSON, draws the charts and runs the
// live tuner with the library's own rules code. Everything from the log reaches the page as text nodes or through
// plotly labels escaped by the figure builders: nothing is parsed as HTML.
import type { Figure } from "../../figures/figure";
import type { ReportData } from "../report-data";
import { decodeScoringInput } from "../../rules/scoring-input-json";
import { scoreSessions } from "../../rules/score-sessions";
import { THRESHOLDS, getThreshold, setThreshold, mediaThreshold, type Threshold } from "../../analysis/thresholds";
import { scoreShiftFigure } from "../../figures/score-shift-figure";
import { tagRatesFigure } from "../../figures/tag-rates-figure";
import { trajectoryTraces } from "../../figures/trajectory-traces";
import { h, pct, recordsTable } from "./dom";
import { tune, type TunerState } from "./tuner";
import { studentIndex } from "./student-index";

declare const Plotly: {
  newPlot(el: HTMLElement, data: unknown, layout: unknown, config?: unknown): Promise<unknown>;
  react(el: HTMLElement, data: unknown, layout: unknown, config?: unknown): Promise<unknown>;
};

performance.mark("metrics-kit:start");
const data = JSON.parse(document.getElementById("metrics-kit-data")!.textContent!) as ReportData;
performance.mark("metrics-kit:parsed");
const tunerInput = decodeScoringInput(data.tuner);
performance.mark("metrics-kit:decoded");
const CONFIG = { responsive: true, displaylogo: false };

function plot(el: HTMLElement, fig: Figure): void {
  el.classList.add("figure");
  void Plotly.react(el, fig.data, fig.layout, CONFIG);
}

/** Figures waiting for their box to be in the page (plotly sizes a detached box at its default 700 px). */
const pending: [HTMLElement, Figure][] = [];

function figureBox(fig: Figure, name: string): HTMLElement {
  const el = h("div", { "data-figure": name });
  pending.push([el, fig]);
  return el;
}

function section(id: string, title: string, ...children: (Node | string)[]): void {
  const slot = document.getElementById(id);
  if (slot) slot.append(h("h2", {}, title), ...children);
  for (const [el, fig] of pending.splice(0)) plot(el, fig);
}

// --- Static sections -------------------------------------------------------------------------------------------
const s = data.summary;
section("data-quality", "Data quality",
  h("p", {}, `${s.rows.session_report} session reports and ${s.rows.media_report} media reports from ${s.files.join(", ")}; ${s.sessions} sessions (${s.superseded_reports} superseded reports), ${s.users} users.`),
  h("p", {}, `Time range: ${s.time_range ? `${s.time_range.first} – ${s.time_range.last}` : "–"}.`),
  h("p", {}, `${data.issues.total} issues (${data.issues.errors} rejected lines, ${data.issues.total - data.issues.errors} warnings)${data.issues.shown.length < data.issues.total ? `; the first ${data.issues.shown.length} are listed` : ""}.`),
  h("div", { class: "scroll" }, recordsTable(data.issues.shown, ["file", "line", "severity", "code", "path", "message"])),
  h("p", {}, `Schema drift (unknown keys, kept): ${Object.entries(s.schema_drift).map(([k, n]) => `${k} ×${n}`).join(", ") || "none"}.`),
);
section("dimension-quality", "Dimension quality",
  h("p", {}, `Verdicts with their reasons; Cronbach's α = ${data.cronbach_alpha === null ? "n/a" : data.cronbach_alpha.toFixed(2)}.`),
  recordsTable(data.quality),
  figureBox(data.figures.quality, "quality"),
  ...data.figures.histograms.map((f, k) => figureBox(f, `histogram-${k}`)),
);
section("features", "Features against dimensions and today's thresholds",
  h("p", {}, "Significant links (95% interval of Spearman's ρ excludes 0), strongest first:"),
  recordsTable(data.links),
  ...data.figures.features.map((f, k) => figureBox(f, `feature-${k}`)),
);
const trajectory = h("div", { "data-figure": "trajectory" });
const students = studentIndex(data.students);
const search = h("input", { id: "student", type: "search", placeholder: "user id or part of it", autocomplete: "off", "aria-label": "Find a student" });
const matches = h("div", { id: "student-matches" });
const pickerNote = h("p", { class: "muted" }, data.sample.probability < 1
  ? `${data.students.ids.length} of the log's ${data.sample.total.students} students with a session can be picked: those of the tuner's seeded sample (below).`
  : `${data.students.ids.length} students.`);
function drawStudent(userId: string): void {
  const k = students.index.get(userId);
  if (k === undefined) return;
  const start = students.starts[k], count = data.students.counts[k];
  const rows = Array.from({ length: count }, (_, j) => start + j);
  search.value = userId;
  plot(trajectory, trajectoryTraces({ userId, sessionIds: rows.map((r) => tunerInput.session_id[r]), dimensions: tunerInput.dimensions, scores: tunerInput.scores.map((col) => rows.map((r) => col[r])) }));
}
/** Lists the first 20 students whose id contains the search text; Enter or a click draws one. */
function showMatches(): void {
  const q = search.value.trim().toLowerCase();
  const found: string[] = [];
  let n = 0;
  for (const id of data.students.ids) if (id.toLowerCase().includes(q) && n++ < 20) found.push(id);
  matches.replaceChildren(h("span", { class: "muted" }, `${n} match${n === 1 ? "" : "es"}${n > 20 ? " (first 20)" : ""}: `), ...found.map((id) => {
    const b = h("button", { type: "button", "data-user": id }, id);
    b.addEventListener("click", () => drawStudent(id));
    return b;
  }));
}
search.addEventListener("input", showMatches);
search.addEventListener("keydown", (e) => {
  if (e.key !== "Enter") return;
  const q = search.value.trim();
  drawStudent(students.index.has(q) ? q : (matches.querySelector("button")?.getAttribute("data-user") ?? ""));
});
section("progress", "Student progress",
  recordsTable(data.progress),
  figureBox(data.figures.cohort, "cohort"),
  pickerNote,
  h("label", {}, "Student: ", search),
  matches,
  trajectory,
);
if (data.students.initial) drawStudent(data.students.initial);
showMatches();
section("replay", "Replay of the rules", figureBox(data.figures.replay, "replay"));

// --- The tuner ---------------------------------------------------------------------------------------------------
const input = tunerInput;
// Validated by the library when the report was written (RulesConfig); zod itself stays out of the page.
const today = data.rules;
const todayOut = scoreSessions(input, today);
const sampled = data.sample.probability < 1;
let rules = today;

const mediaRange = (f: string): [number, number] => {
  let lo = Infinity, hi = -Infinity;
  for (const v of input.media[f]) if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  return Number.isFinite(lo) && hi > lo ? [lo, hi] : [0, 1];
};
const thresholds: Threshold[] = [
  ...THRESHOLDS,
  ...Object.keys(input.media).flatMap((f) => (["min", "max"] as const).map((b) => mediaThreshold(f, b, mediaRange(f)))),
];

const controls = new Map<string, { range: HTMLInputElement; number: HTMLInputElement; on: HTMLInputElement | null }>();
const rows = thresholds.map((t) => {
  const value = getThreshold(today, t.path);
  const nullable = t.path.startsWith("media.");
  const start = String(value ?? (t.direction === "below" ? t.range[0] : t.range[1]));
  const range = h("input", { type: "range", min: String(t.range[0]), max: String(t.range[1]), step: String(t.step), value: start, "data-path": t.path, "aria-label": t.label });
  const number = h("input", { type: "number", min: String(t.range[0]), max: String(t.range[1]), step: String(t.step), value: start, "data-path": t.path, "aria-label": `${t.label} (number)` });
  const on = nullable ? h("input", { type: "checkbox", "data-path": t.path, "aria-label": `${t.label} (set)` }) : null;
  if (on) on.checked = value !== null;
  controls.set(t.path, { range, number, on });
  const sync = (from: HTMLInputElement) => {
    const v = Number(from.value);
    if (!Number.isFinite(v)) return;
    range.value = number.value = String(v);
    if (on && !on.checked) on.checked = true;
    rules = setThreshold(rules, t.path, v);
    update();
  };
  range.addEventListener("input", () => sync(range));
  number.addEventListener("change", () => sync(number));
  on?.addEventListener("change", () => {
    rules = setThreshold(rules, t.path, on.checked ? Number(range.value) : null);
    update();
  });
  return h("tr", {}, h("td", {}, t.label), h("td", {}, h("code", {}, t.path)), h("td", {}, on ?? "", range), h("td", {}, number), h("td", {}, value === null ? "unset" : String(value)));
});

const outcome = h("select", { id: "outcome" }, ...input.dimensions.flatMap((d) => [h("option", { value: `risk:${d}` }, `risk tag: ${d}`), h("option", { value: `strength:${d}` }, `strength tag: ${d}`)]));
outcome.addEventListener("change", () => update());
const counts = h("p", { id: "tuner-counts" });
const agreementBox = h("p", { id: "tuner-agreement" });
const timing = h("p", { id: "tuner-timing", class: "muted" });
const media = h("p", { id: "tuner-media" });
const rateTable = h("div", { id: "tuner-rates" });
const changedList = h("p", { id: "tuner-changed", class: "muted" });
const shift = h("div", { "data-figure": "tuner-scores" });
const rates = h("div", { "data-figure": "tuner-tags" });
const download = h("button", { id: "download-rules", type: "button" }, "Download rules");
const reset = h("button", { id: "reset-rules", type: "button" }, "Reset to today's rules");

section("tuner", "Threshold tuner",
  h("p", {}, `Every threshold of the rules, today's values preset. A change re-scores ${sampled ? "the" : "all"} ${input.session_id.length} sessions${sampled ? " of the sample" : ""} with the library's rules code and updates the counts and charts below.`),
  h("p", { id: "tuner-sample", "data-sessions": String(input.session_id.length), "data-total": String(data.sample.total.sessions) }, sampled
    ? `The log has ${data.sample.total.sessions} sessions; the page holds a seeded sample of ${input.session_id.length} (seed ${data.sample.seed}: every student, with all their sessions, and every guest session kept with probability ${data.sample.probability.toPrecision(3)}). Counts and rates below are the sample's: estimates for the whole log. Today's exact tag rates over all ${data.exact.sessions} sessions are in the table's "all sessions" columns.`
    : `The page holds every session of the log (${input.session_id.length}): counts and rates are exact.`),
  ...(input.dimensions.length ? [] : [h("p", { id: "tuner-empty" }, "The log has no session with dimension scores: nothing to re-score.")]),
  h("table", { class: "controls" }, h("thead", {}, h("tr", {}, ...["threshold", "path", "slider", "value", "today"].map((c) => h("th", {}, c)))), h("tbody", {}, ...rows)),
  h("p", {}, download, " ", reset),
  h("label", {}, "Agreement with the logged outcome: ", outcome),
  counts, agreementBox, media, timing, rateTable, shift, rates, changedList,
);

function render(state: TunerState, ms: number): void {
  const c = state.diff.changed;
  counts.textContent = `Sessions that change: ${c.any} of ${state.diff.sessions} — scores ${c.scores}, strength tags ${c.strength_tags}, risk tags ${c.risk_tags}, tasks ${c.tasks}.`;
  for (const [k, v] of Object.entries(c)) counts.setAttribute(`data-${k.replace("_", "-")}`, String(v));
  const a = state.agreement;
  agreementBox.textContent = `Tuned ${a.outcome.replace(":", " tag on ")} against the log: agreement ${pct(a.share)} of ${a.n} sessions (sensitivity ${pct(a.sensitivity)}, specificity ${pct(a.specificity)}; ${a.tp} both, ${a.fp} only tuned, ${a.fn} only logged).`;
  agreementBox.setAttribute("data-agreement", String(a.share));
  const flagged = (o: { media_flag: Uint8Array }) => o.media_flag.reduce((n, v) => n + v, 0);
  media.textContent = `Sessions flagged by a media threshold: ${flagged(state.out)} (today ${flagged(todayOut)}${sampled ? ` of the sample's ${state.diff.sessions}; today over all ${data.exact.sessions} sessions: ${data.exact.media_flagged}` : ""}).`;
  media.setAttribute("data-flagged", String(flagged(state.out)));
  timing.textContent = `Re-scored in ${ms.toFixed(1)} ms.`;
  timing.setAttribute("data-ms", String(ms));
  rateTable.replaceChildren(recordsTable(Object.entries(state.diff.tag_rates).map(([dimension, r]) => ({
    dimension,
    ...(sampled ? { "strength today (all sessions)": pct(data.exact.tag_rates[dimension]?.strength ?? NaN) } : {}),
    strength_today: pct(r.strength[0]), strength_tuned: pct(r.strength[1]),
    ...(sampled ? { "risk today (all sessions)": pct(data.exact.tag_rates[dimension]?.risk ?? NaN) } : {}),
    risk_today: pct(r.risk[0]), risk_tuned: pct(r.risk[1]),
  }))));
  plot(shift, scoreShiftFigure(todayOut, state.out));
  plot(rates, tagRatesFigure(state.diff));
  const ids = state.diff.changed_sessions;
  changedList.textContent = ids.length ? `Changed sessions: ${ids.slice(0, 20).join(", ")}${ids.length > 20 ? `, … (${ids.length})` : ""}` : "No session changes.";
}

function update(): TunerState {
  const t0 = performance.now();
  const state = tune(input, todayOut, rules, outcome.value);
  const ms = performance.now() - t0;
  render(state, ms);
  api.lastUpdateMs = ms;
  return state;
}

download.addEventListener("click", () => {
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(rules, null, 2)}\n`], { type: "application/json" }));
  const a = h("a", { href: url, download: "rules.json" });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
});
reset.addEventListener("click", () => {
  rules = today;
  for (const [path, c] of controls) {
    const v = getThreshold(today, path);
    if (v !== null) c.range.value = c.number.value = String(v);
    if (c.on) c.on.checked = v !== null;
  }
  update();
});

const api = { update, rules: () => rules, lastUpdateMs: NaN, ready: false };
(window as unknown as { metricsKitReport: typeof api }).metricsKitReport = api;
update();
api.ready = true;
performance.mark("metrics-kit:ready");
