import { escapeHtml, inlineScript, scriptJson } from "../notebook/html";
import { plotlyLibraryHtml } from "../notebook/figure-bundle";
import type { ReportData } from "./report-data";
import { reportAppSource } from "./report-app-source";
import { isolateText } from "../load/isolate-text";

/** The report's content security policy: inline scripts and data only, no request of any kind. */
export const REPORT_CSP = "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'";

const STYLE = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "WenQuanYi Micro Hei", sans-serif; margin: 0 auto; max-width: 1200px; padding: 0 24px 48px; color: #222; }
h1 { margin-top: 24px; } h2 { margin-top: 40px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
table { border-collapse: collapse; margin: 8px 0; font-size: 13px; } th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #f5f5f5; } .muted { color: #666; } nav a { margin-right: 12px; } .controls input[type=range] { width: 220px; } .controls input[type=number] { width: 90px; }
div[data-figure] { min-height: 380px; } .scroll { max-height: 360px; overflow: auto; } #student-matches button { margin: 2px; }
/* Nothing from the log widens the page: prose breaks a long word anywhere; a table wider than the page scrolls in its
   own box; a name (a table's header or name cell, a picker's button, an option) is cut with an ellipsis, whole in its title. */
h1, h2, h3, p, label { overflow-wrap: anywhere; } td { max-width: 36em; overflow-wrap: break-word; }
.table-scroll { max-width: 100%; overflow-x: auto; } .table-scroll > table { width: max-content; } .name { display: inline-block; max-width: 16em; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; vertical-align: bottom; }
select, #student-matches button { max-width: 100%; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; } #student-matches button { max-width: 16em; }
textarea { max-width: 100%; box-sizing: border-box; }
/* A phone: the tuner's rows are stacked (name, path, then slider, number and today's value on one line), so that every
   control shows without scrolling sideways. */
@media (max-width: 640px) {
  body { padding: 0 12px 48px; }
  .table-scroll > table.controls { width: 100%; } table.controls thead { display: none; }
  table.controls tr { display: block; border-top: 1px solid #ddd; padding: 4px 0; } table.controls td { display: inline-block; border: none; padding: 2px 4px; max-width: none; }
  table.controls td:nth-child(-n+2) { display: block; } table.controls td:first-child { font-weight: 600; }
  table.controls td:last-child::before { content: "today "; color: #666; }
  .controls input[type=range] { width: 150px; } .controls input[type=number] { width: 80px; }
}
`;

/**
 * The report as one self-contained HTML page: plotly.js, the data (JSON) and the report's script are inlined and
 * escaped; a content security policy forbids every network request. Opens from `file://`.
 */
export function reportHtml(data: ReportData): string {
  const sections = [["answers", "In plain words"], ["data-quality", "Data quality"], ["dimension-quality", "Dimension quality"], ["features", "Features"], ["progress", "Student progress"], ["replay", "Replay"], ["tuner", "Tuner"]];
  return [
    "<!doctype html>",
    `<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(data.title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${escapeHtml(data.title)}</h1>`,
    `<p class="muted">${escapeHtml(`${data.summary.sessions} sessions from ${data.summary.files.map(isolateText).join(", ")}`)}</p>`,
    `<nav>${sections.map(([id, name]) => `<a href="#${id}">${name}</a>`).join("")}</nav>`,
    ...sections.map(([id]) => `<section id="${id}"></section>`),
    `<noscript><p>This report draws its charts and runs its tuner with JavaScript.</p></noscript>`,
    plotlyLibraryHtml(),
    `<script type="application/json" id="metrics-kit-data">${scriptJson(data)}</script>`,
    `<script>${inlineScript(reportAppSource())}</script>`,
    "</body></html>",
    "",
  ].join("\n");
}
