// The HTML report's script (bundled by esbuild into one IIFE): reads the embedded JSON, draws the charts and runs the
// live tuner with the library's own rules code. Everything from the log reaches the page as text nodes or through
// plotly labels escaped by the figure builders: nothing is parsed as HTML.
import type { Figure } from "../../figures/figure";
import type { ReportData } from "../report-data";
import { decodeScoringInput } from "../../rules/scoring-input-json";
import { trajectoryTraces } from "../../figures/trajectory-traces";
import { histogramFigure } from "../../figures/histogram-figure";
import { scoreThresholdLines } from "../../figures/threshold-lines";
import { h, recordsTable } from "./dom";
import { tunerWidget, type TunerApi } from "./tuner-widget";

declare const Plotly: {
  newPlot(el: HTMLElement, data: unknown, layout: unknown, config?: unknown): Promise<unknown>;
  react(el: HTMLElement, data: unknown, layout: unknown, config?: unknown): Promise<unknown>;
};

const data = JSON.parse(document.getElementById("metrics-kit-data")!.textContent!) as ReportData;
const CONFIG = { responsive: true, displaylogo: false };

function plot(el: HTMLElement, fig: Figure): void {
  el.classList.add("figure");
  void Plotly.react(el, fig.data, fig.layout, CONFIG);
}

function figureBox(fig: Figure, name: string): HTMLElement {
  const el = h("div", { "data-figure": name });
  plot(el, fig);
  return el;
}

function section(id: string, title: string, ...children: (Node | string)[]): void {
  const slot = document.getElementById(id);
  if (!slot) return;
  slot.append(h("h2", {}, title), ...children);
}

// --- Static sections -------------------------------------------------------------------------------------------
const s = data.summary;
section("data-quality", "Data quality",
  h("p", {}, `${s.rows.session_report} session reports and ${s.rows.media_report} media reports from ${s.files.join(", ")}; ${s.sessions} sessions (${s.superseded_reports} superseded reports), ${s.users} users.`),
  h("p", {}, `Time range: ${s.time_range ? `${s.time_range.first} – ${s.time_range.last}` : "–"}.`),
  h("p", {}, `${data.issues.total} issues (${data.issues.errors} rejected lines, ${data.issues.total - data.issues.errors} warnings)${data.issues.shown.length < data.issues.total ? `; the first ${data.issues.shown.length} are listed` : ""}.`),
  recordsTable(data.issues.shown, ["file", "line", "severity", "code", "path", "message"]),
  h("p", {}, `Schema drift (unknown keys, kept): ${Object.entries(s.schema_drift).map(([k, n]) => `${k} ×${n}`).join(", ") || "none"}.`),
);
const histograms = data.figures.histograms.map((f, k) => figureBox(f, `histogram-${k}`));
section("dimension-quality", "Dimension quality",
  h("p", {}, `Verdicts with their reasons; Cronbach's α = ${data.cronbach_alpha === null ? "n/a" : data.cronbach_alpha.toFixed(2)}.`),
  recordsTable(data.quality),
  figureBox(data.figures.quality, "quality"),
  ...histograms,
);
section("features", "Features against dimensions and today's thresholds",
  h("p", {}, "Significant links (95% interval of Spearman's ρ excludes 0), strongest first:"),
  recordsTable(data.links),
  ...data.figures.features.map((f, k) => figureBox(f, `feature-${k}`)),
);
const trajectory = h("div", { "data-figure": "trajectory" });
const picker = h("select", { id: "student" }, ...data.students.ids.map((id) => h("option", { value: id }, id)));
function drawStudent(userId: string): void {
  const k = data.students.ids.indexOf(userId);
  if (k < 0) return;
  const rows = data.students.rows[k];
  plot(trajectory, trajectoryTraces({ userId, sessionIds: rows.map((r) => data.tuner.session_id[r]), dimensions: data.tuner.dimensions, scores: data.tuner.scores.map((col) => rows.map((r) => col[r])) }));
}
section("progress", "Student progress",
  recordsTable(data.progress),
  figureBox(data.figures.cohort, "cohort"),
  h("label", {}, "Student: ", picker),
  trajectory,
);
picker.addEventListener("change", () => drawStudent(picker.value));
if (data.students.initial) {
  picker.value = data.students.initial;
  drawStudent(data.students.initial);
}
section("replay", "Replay of the rules", figureBox(data.figures.replay, "replay"));

// --- The tuner ---------------------------------------------------------------------------------------------------
const input = decodeScoringInput(data.tuner);
// Validated by the library when the report was written (RulesConfig); zod itself stays out of the page.
const tuner = tunerWidget({
  input, today: data.rules, plot, idPrefix: "tuner-",
  // The score histograms' threshold lines follow the tuned rules.
  onUpdate: (rules) => histograms.forEach((el, k) => plot(el, histogramFigure(input.scores[k], { title: input.dimensions[k], x: "score", lines: scoreThresholdLines(rules) }))),
});
section("tuner", "Threshold tuner", tuner.element);
(window as unknown as { metricsKitReport: TunerApi }).metricsKitReport = tuner.api;
tuner.api.update();
