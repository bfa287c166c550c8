import type { MetricsTables } from "../join/load-tables";
import { defaultRules, type RulesConfig } from "../rules/rules-config";
import { scoringInput, type ScoringInput } from "../rules/scoring-input";
import { encodeScoringInput } from "../rules/scoring-input-json";
import { bundledScript } from "../io/bundled-script";
import { escapeHtml, inlineScript, scriptJson } from "./html";
import type { MimeBundle } from "./table-bundle";
import { displayBundle } from "./display-bundle";

/**
 * The live threshold tuner as a MIME bundle: the HTML report's tuner widget (`src/report/browser/tuner-widget.ts`,
 * re-scoring with the library's `scoreSessions` and `diffOutputs`, bundled by esbuild) with the sessions' columns
 * and the starting rules as JSON. Where scripts do not run (an untrusted notebook) a line says how to get it live.
 *
 * @example tunerBundle(scoringInput(t.joined, t.dimensions, rules), rules)["text/plain"] // → "<metrics-kit tuner: 358 sessions>"
 */
export function tunerBundle(input: ScoringInput, rules: RulesConfig): MimeBundle {
  const json = scriptJson({ input: encodeScoringInput(input), rules });
  const note = "The live tuner runs its script here: trust the notebook (File → Trust Notebook) and re-run the cell, or open the notebook's HTML export.";
  const html = `<div class="metrics-kit-tuner"><p class="metrics-kit-tuner-static"><i>${escapeHtml(note)}</i></p>` +
    `<script type="application/json">${json}</script></div>` +
    `<script type="text/javascript">${inlineScript(bundledScript("notebook/tuner-output.js"))}</script>`;
  return { "text/html": html, "text/plain": `<metrics-kit tuner: ${input.session_id.length} sessions>` };
}

/**
 * Shows the live threshold tuner in a notebook output: a slider and a number field per threshold, live tag rates,
 * changed-session counts, the score shift, media-flagged sessions, and Copy / Download rules giving the JSON that
 * `readRules` and `metrics-kit replay --rules` read. Starts from `rules` (default today's) and diffs against them.
 *
 * @example await showTuner(await loadTables(notebookLogPath()), withThresholds(defaultRules(), { "tags.riskAtMost": 55 }));
 */
export async function showTuner(tables: MetricsTables | ScoringInput, rules: RulesConfig = defaultRules()): Promise<void> {
  const input = "joined" in tables ? scoringInput(tables.joined, tables.dimensions, rules) : tables;
  displayBundle(tunerBundle(input, rules));
}
