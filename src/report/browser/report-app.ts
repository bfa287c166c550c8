// The HTML report's script (bundled by esbuild into one IIFE): reads the embedded JSON, draws the charts and runs the
// live tuner with the library's own rules code. Everything from the log reaches the page as text nodes or through
// plotly labels escaped by the figure builders: nothing is parsed as HTML. A name from the log written into other
// text (a sentence, a list) is isolated (`iso`: FSI … PDI), so that a bidi override in it reorders nothing around it.
import type { Figure } from "../../figures/figure";
import type { ReportData } from "../report-data";
import { decodeScoringInput } from "../../rules/scoring-input-json";
import { trajectoryTraces } from "../../figures/trajectory-traces";
import { scoreThresholdLines } from "../../figures/threshold-lines";
import { referenceLines } from "../../figures/figure";
import { fitWidth } from "../../figures/fit-width";
import { h, pct, recordsTable } from "./dom";
import { tunerWidget, type TunerApi } from "./tuner-widget";
import { studentIndex } from "./student-index";
import { isolateText as iso } from "../../load/isolate-text";

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

/** Draws a figure into its box, laid out for the box's width (`fitWidth`: a phone gets the legend below the plot). */
function plot(el: HTMLElement, fig: Figure): void {
  el.classList.add("figure");
  const fitted = fitWidth(fig, el.clientWidth);
  void Plotly.react(el, fitted.data, fitted.layout, CONFIG);
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
section("answers", "The three questions, in plain words",
  h("p", {}, h("b", {}, "Which dimensions discriminate, which are concentrated or arbitrary? "), data.answers.quality),
  h("p", {}, h("b", {}, "Do the features match the dimensions and today's thresholds? "), data.answers.features),
  h("p", {}, h("b", {}, "Who improved, on what? "), data.answers.progress),
);
const s = data.summary;
section("data-quality", "Data quality",
  h("p", {}, `${s.rows.session_report} session reports and ${s.rows.media_report} media reports from ${s.files.map(iso).join(", ")}; ${s.sessions} sessions (${s.superseded_reports} superseded reports), ${s.users} users.`),
  h("p", {}, `Time range: ${s.time_range ? `${s.time_range.first} – ${s.time_range.last}` : "–"}.`),
  h("p", {}, `${data.issues.total} issues (${data.issues.errors} rejected lines, ${data.issues.total - data.issues.errors} warnings)${data.issues.shown.length < data.issues.total ? `; the first ${data.issues.shown.length} are listed` : ""}.`),
  h("div", { class: "scroll" }, recordsTable(data.issues.shown, ["file", "line", "severity", "code", "path", "message"])),
  h("p", {}, `Schema drift (unknown keys, kept): ${Object.entries(s.schema_drift).map(([k, n]) => `${iso(k)} ×${n}`).join(", ") || "none"}.`),
);
const histograms = data.figures.histograms.map((f, k) => figureBox(f, `histogram-${k}`));
section("dimension-quality", "Dimension quality",
  h("p", {}, `Verdicts with their reasons; Cronbach's α = ${data.cronbach_alpha === null ? "n/a" : data.cronbach_alpha.toFixed(2)}.`),
  recordsTable(data.quality),
  h("p", {}, data.unreachable.length
    ? "Never reachable under today's rules (a 0% rate here is by construction, not a finding): "
    : "Every tag and task of today's rules can be reached by some score.",
    ...data.unreachable.map((u, k) => `${k ? "; " : ""}${iso(u.dimension)} ${u.tag} — ${u.reason}`)),
  figureBox(data.figures.quality, "quality"),
  ...histograms,
);
section("features", "Features against dimensions and today's thresholds",
  h("p", {}, "Significant links (Benjamini–Hochberg q < 0.05 over every link tested), strongest first; partial_spearman is ρ at an equal amount said (total_words and answers held fixed):"),
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
    const b = h("button", { type: "button", "data-user": id, title: id }, id);
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
  ...improversTable(),
  pickerNote,
  h("label", {}, "Student: ", search),
  matches,
  trajectory,
);
if (data.students.initial) drawStudent(data.students.initial);
showMatches();
/** Which student improved on what: the table of improvers with a search box over user ids and dimensions. */
function improversTable(): Node[] {
  const { rows, total } = data.improvers;
  const filter = h("input", { id: "improver-search", type: "search", placeholder: "user id or dimension", autocomplete: "off", "aria-label": "Search the improvers" });
  const slot = h("div", { class: "scroll", id: "improvers" });
  const note = h("p", { class: "muted" });
  const draw = () => {
    const q = filter.value.trim().toLowerCase();
    const found = rows.filter((r) => !q || String(r.user_id).toLowerCase().includes(q) || String(r.improved).toLowerCase().includes(q));
    note.textContent = `${found.length} of ${total} students with a reliable improvement${rows.length < total ? ` (the first ${rows.length} listed)` : ""}${found.length > 200 ? "; the first 200 matches shown" : ""}.`;
    slot.replaceChildren(recordsTable(found.slice(0, 200)));
  };
  filter.addEventListener("input", draw);
  draw();
  return [h("h3", {}, "Which student improved on what"), h("label", {}, "Search: ", filter), note, slot];
}
section("replay", "Replay of the rules", figureBox(data.figures.replay, "replay"));

// --- The tuner ---------------------------------------------------------------------------------------------------
const input = tunerInput;
const sampled = data.sample.probability < 1;
// Validated by the library when the report was written (RulesConfig); zod itself stays out of the page.
const tuner = tunerWidget({
  input, today: data.today, start: data.rules, plot, idPrefix: "tuner-",
  // The score histograms (all sessions, binned in Node) keep their bars; their threshold lines follow the tuned rules.
  onUpdate: (rules) => histograms.forEach((el, k) => {
    const fig = data.figures.histograms[k];
    plot(el, { data: fig.data, layout: { ...fig.layout, ...referenceLines(scoreThresholdLines(rules)) } });
  }),
});
const exactRates = recordsTable(Object.entries(data.exact.tag_rates).map(([dimension, r]) => ({ dimension, strength_today: pct(r.strength), risk_today: pct(r.risk) })));
section("tuner", "Threshold tuner",
  h("p", { id: "tuner-sample", "data-sessions": String(input.session_id.length), "data-total": String(data.sample.total.sessions) }, sampled
    ? `The log has ${data.sample.total.sessions} sessions; the page holds a seeded sample of ${input.session_id.length} (seed ${data.sample.seed}: every student, with all their sessions, and every guest session kept with probability ${data.sample.probability.toPrecision(3)}). The tuner's counts and rates below are the sample's: estimates for the whole log. Today's rules over all ${data.exact.sessions} sessions (exact): ${data.exact.media_flagged} sessions flagged by a media threshold, and these tag rates:`
    : `The page holds every session of the log (${input.session_id.length}): the tuner's counts and rates are exact.`),
  ...(sampled ? [exactRates] : []),
  ...(input.dimensions.length ? [] : [h("p", { id: "tuner-empty" }, "The log has no session with dimension scores: nothing to re-score.")]),
  tuner.element,
);
(window as unknown as { metricsKitReport: TunerApi }).metricsKitReport = tuner.api;
tuner.api.update();
Object.assign(tuner.api, { ready: true });
performance.mark("metrics-kit:ready");
