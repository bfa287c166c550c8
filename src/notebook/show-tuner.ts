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
 * and the rules as JSON: `today` (what counts are against, and Reset) and `start` (where the controls start). Where
 * scripts do not run (an untrusted notebook) a line says how to get it live.
 *
 * @example tunerBundle(scoringInput(t.joined, t.dimensions, rules), { today: rules, start: rules })["text/plain"] // → "<metrics-kit tuner: 358 sessions>"
 */
export function tunerBundle(input: ScoringInput, rules: { today: RulesConfig; start: RulesConfig }): MimeBundle {
  const json = scriptJson({ input: encodeScoringInput(input), today: rules.today, start: rules.start });
  const note = "The live tuner runs its script here: trust the notebook (File → Trust Notebook) and re-run the cell, or open the notebook's HTML export.";
  const html = `<div class="metrics-kit-tuner"><p class="metrics-kit-tuner-static"><i>${escapeHtml(note)}</i></p>` +
    `<script type="application/json">${json}</script></div>` +
    `<script type="text/javascript">${inlineScript(bundledScript("notebook/tuner-output.js"))}</script>`;
  return { "text/html": html, "text/plain": `<metrics-kit tuner: ${input.session_id.length} sessions>` };
}

/**
 * Shows the live threshold tuner in a notebook output: a slider and a number field per threshold, live tag rates,
 * changed-session counts, the score shift, media-flagged sessions, and Copy / Download rules giving the JSON that
 * `readRules` and `metrics-kit replay --rules` read. The controls start at `rules` (default today's); the counts are
 * against `options.today` (default today's rules), as `rulesDiff(input, today, tuned)` counts them.
 *
 * @example await showTuner(await loadTables(notebookLogPath()), withThresholds(defaultRules(), { "tags.riskAtMost": 55 }));
 */
export async function showTuner(tables: MetricsTables | ScoringInput, rules: RulesConfig = defaultRules(), options: { today?: RulesConfig } = {}): Promise<void> {
  const today = options.today ?? defaultRules();
  const input = "joined" in tables ? scoringInput(tables.joined, tables.dimensions, today) : tables;
  displayBundle(tunerBundle(input, { today, start: rules }));
}
