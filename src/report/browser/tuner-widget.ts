// The live threshold tuner as one DOM widget, shared by the HTML report and the notebooks' `showTuner` output: a
// slider and a number field per threshold, re-scoring with the library's `scoreSessions` / `diffOutputs` (`tune`).
// Everything from the log is written as text nodes; a name or id inside other text is isolated (`iso`: FSI … PDI).
import type { Figure } from "../../figures/figure";
import type { RulesConfig } from "../../rules/rules-config";
import type { ScoringInput } from "../../rules/scoring-input";
import { scoreSessions, type ScoringOutput } from "../../rules/score-sessions";
import { THRESHOLDS, getThreshold, setThreshold, mediaThreshold, type Threshold } from "../../analysis/thresholds";
import { clampThreshold } from "../../rules/clamp-threshold";
import { scoreShiftFigure } from "../../figures/score-shift-figure";
import { tagRatesFigure } from "../../figures/tag-rates-figure";
import { h, pct, recordsTable } from "./dom";
import { tune, type TunerState } from "./tuner";
import { isolateText as iso } from "../../load/isolate-text";

/** Options of `tunerWidget`. */
export interface TunerWidgetOptions {
  input: ScoringInput;
  /** The rules the tuner compares with and resets to (validated by the library before they reach the page). */
  today: RulesConfig;
  /** The rules the controls start at. Default `today`. */
  start?: RulesConfig;
  /** Draws a figure into an element (the report's and the notebook's plotly). */
  plot(el: HTMLElement, fig: Figure): void;
  /** Prefix for element ids (the report's `tuner-`); without it the widget sets none (several may share a page). */
  idPrefix?: string;
  /** Called after every update, e.g. to move the report's threshold lines. */
  onUpdate?(rules: RulesConfig, state: TunerState): void;
}

/** What a mounted tuner exposes to its page (and to tests). */
export interface TunerApi {
  update(): TunerState;
  rules(): RulesConfig;
  /** The rules as the JSON file `readRules`, `replay --rules` and the report read. */
  rulesJson(): string;
  lastUpdateMs: number;
}

type Part = "counts" | "agreement" | "media" | "timing" | "rates" | "changed" | "clamp" | "rules-json";

/**
 * Builds the tuner: controls for every threshold (today's values preset; media bounds, unset today, behind a
 * checkbox), live counts, tag rates, score shift, media-flagged sessions, and Copy / Download / Reset. Elements carry
 * `data-tuner="<part>"` and, with `idPrefix`, ids.
 *
 * @example const { element, api } = tunerWidget({ input, today: rules, plot }); document.body.append(element); api.update();
 */
export function tunerWidget(options: TunerWidgetOptions): { element: HTMLElement; api: TunerApi } {
  const { input, today, plot } = options;
  const todayOut = scoreSessions(input, today);
  const part = (p: Part, tag: "p" | "div" | "textarea" = "p", attrs: Record<string, string> = {}) =>
    h(tag, { "data-tuner": p, ...(options.idPrefix ? { id: `${options.idPrefix}${p}` } : {}), ...attrs });
  const parts = {
    counts: part("counts"), agreement: part("agreement"), media: part("media"), timing: part("timing", "p", { class: "muted" }),
    rates: part("rates", "div"), changed: part("changed", "p", { class: "muted" }), clamp: part("clamp", "p", { class: "muted", role: "status" }),
    json: part("rules-json", "textarea", { readonly: "", rows: "6", cols: "80", "aria-label": "the tuned rules (JSON)" }) as HTMLTextAreaElement,
  };
  const shift = h("div", { "data-figure": "tuner-scores" });
  const rates = h("div", { "data-figure": "tuner-tags" });
  let rules = options.start ?? today;
  const outcome = h("select", options.idPrefix ? { id: "outcome" } : {}, ...input.dimensions.flatMap((d) => [h("option", { value: `risk:${d}` }, `risk tag: ${iso(d)}`), h("option", { value: `strength:${d}` }, `strength tag: ${iso(d)}`)]));
  const api: TunerApi = { update, rules: () => rules, rulesJson: () => `${JSON.stringify(rules, null, 2)}\n`, lastUpdateMs: NaN };
  const controls = thresholdControls(input, today, rules, () => rules, (next, reason) => {
    rules = next;
    parts.clamp.textContent = reason ?? "";
    update();
  });
  outcome.addEventListener("change", () => update());

  function update(): TunerState {
    const t0 = performance.now();
    const state = tune(input, todayOut, rules, outcome.value);
    api.lastUpdateMs = performance.now() - t0;
    render(parts, state, todayOut, api.lastUpdateMs, input);
    parts.json.value = api.rulesJson();
    plot(shift, scoreShiftFigure(todayOut, state.out));
    plot(rates, tagRatesFigure(state.diff));
    options.onUpdate?.(rules, state);
    return state;
  }
  const buttons = ruleButtons(options.idPrefix, api, () => {
    rules = today;
    controls.reset(today);
    parts.clamp.textContent = "";
    update();
  });
  const element = h("div", { class: "metrics-kit-tuner-widget" },
    h("p", {}, `Every threshold of the rules, ${options.start === undefined || sameThresholds(options.start, today) ? "today's values preset" : "preset at the rules given (today's in the last column; the counts compare with today's)"}. A change re-scores all ${input.session_id.length} sessions with the library's rules code and updates the counts and charts below.`),
    controls.table, parts.clamp, buttons,
    h("label", {}, "Agreement of a tuned tag with today's logged tag (not with an outcome): ", outcome),
    parts.counts, parts.agreement, parts.media, parts.timing, parts.rates, shift, rates, parts.changed,
    h("details", {}, h("summary", {}, "The tuned rules (JSON, as readRules reads them)"), parts.json));
  return { element, api };
}

/** One row per threshold: label, path, (checkbox,) slider, number field (at `start`), today's value. Values are clamped. */
function thresholdControls(input: ScoringInput, today: RulesConfig, start: RulesConfig, current: () => RulesConfig, changed: (rules: RulesConfig, reason?: string) => void) {
  const mediaRange = (f: string): [number, number] => {
    let lo = Infinity, hi = -Infinity;
    for (const v of input.media[f]) if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    return Number.isFinite(lo) && hi > lo ? [lo, hi] : [0, 1];
  };
  const thresholds: Threshold[] = [...THRESHOLDS, ...Object.keys(input.media).flatMap((f) => (["min", "max"] as const).map((b) => mediaThreshold(f, b, mediaRange(f))))];
  const controls = new Map<string, { range: HTMLInputElement; number: HTMLInputElement; on: HTMLInputElement | null }>();
  const rows = thresholds.map((t) => {
    const value = getThreshold(today, t.path);
    const from = getThreshold(start, t.path);
    const initial = String(from ?? (t.direction === "below" ? t.range[0] : t.range[1]));
    const attrs = (kind: string, label: string) => ({ type: kind, min: String(t.range[0]), max: String(t.range[1]), step: String(t.step), value: initial, "data-path": t.path, "aria-label": label });
    const range = h("input", attrs("range", t.label));
    const number = h("input", attrs("number", `${t.label} (number)`));
    const on = t.path.startsWith("media.") ? h("input", { type: "checkbox", "data-path": t.path, "aria-label": `${t.label} (set)` }) : null;
    if (on) on.checked = from !== null;
    controls.set(t.path, { range, number, on });
    const sync = (from: HTMLInputElement) => {
      const asked = from.value;
      const { value: v, reason } = clampThreshold(current(), t, Number(asked));
      range.value = number.value = String(v);
      if (on && !on.checked) on.checked = true;
      changed(setThreshold(current(), t.path, v), reason ? `${t.path}: ${asked} → ${v} (${reason})` : undefined);
    };
    range.addEventListener("input", () => sync(range));
    number.addEventListener("change", () => sync(number));
    on?.addEventListener("change", () => changed(setThreshold(current(), t.path, on.checked ? Number(range.value) : null)));
    return h("tr", {}, h("td", {}, t.label), h("td", {}, h("code", {}, t.path)), h("td", {}, on ?? "", range), h("td", {}, number), h("td", {}, value === null ? "unset" : String(value)));
  });
  // In a box that scrolls sideways: a slider and a number field a row are wider than a phone.
  const table = h("div", { class: "table-scroll" }, h("table", { class: "controls" }, h("thead", {}, h("tr", {}, ...["threshold", "path", "slider", "value", "today"].map((c) => h("th", {}, c)))), h("tbody", {}, ...rows)));
  const reset = (rules: RulesConfig) => {
    for (const [path, c] of controls) {
      const v = getThreshold(rules, path);
      if (v !== null) c.range.value = c.number.value = String(v);
      if (c.on) c.on.checked = v !== null;
    }
  };
  return { table, reset };
}

/** Copy rules (clipboard, and the JSON shown below), Download rules (rules.json), Reset to today's rules. */
function ruleButtons(idPrefix: string | undefined, api: TunerApi, reset: () => void): HTMLElement {
  const id = (name: string): Record<string, string> => (idPrefix ? { id: name } : {});
  const copy = h("button", { ...id("copy-rules"), type: "button", "data-tuner": "copy" }, "Copy rules");
  const download = h("button", { ...id("download-rules"), type: "button", "data-tuner": "download" }, "Download rules");
  const resetButton = h("button", { ...id("reset-rules"), type: "button", "data-tuner": "reset" }, "Reset to today's rules");
  const said = h("span", { class: "muted", "data-tuner": "copied" });
  copy.addEventListener("click", () => {
    const json = api.rulesJson();
    const done = (how: string) => { said.textContent = ` copied (${how}).`; };
    // The async clipboard needs a secure, focused page; else the selection of the JSON shown below is copied.
    const fallback = (why: unknown) => {
      const area = copy.closest(".metrics-kit-tuner-widget")?.querySelector<HTMLTextAreaElement>("[data-tuner=rules-json]");
      area?.closest("details")?.setAttribute("open", "");
      area?.select();
      if (area && document.execCommand("copy")) done("selection");
      else said.textContent = ` the clipboard is not available here (${String(why)}): copy the JSON below.`;
    };
    if (navigator.clipboard) navigator.clipboard.writeText(json).then(() => done("clipboard"), fallback);
    else fallback("no clipboard API");
  });
  download.addEventListener("click", () => {
    const url = URL.createObjectURL(new Blob([api.rulesJson()], { type: "application/json" }));
    const a = h("a", { href: url, download: "rules.json" });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  resetButton.addEventListener("click", reset);
  return h("p", {}, copy, " ", download, " ", resetButton, said);
}

/** Writes one update's figures as text (and as data attributes, for tests). */
function render(parts: Record<"counts" | "agreement" | "media" | "timing" | "rates" | "changed", HTMLElement>, state: TunerState, todayOut: ScoringOutput, ms: number, input: ScoringInput): void {
  const c = state.diff.changed;
  parts.counts.textContent = `Sessions that change: ${c.any} of ${state.diff.sessions} — scores ${c.scores}, strength tags ${c.strength_tags}, risk tags ${c.risk_tags}, tasks ${c.tasks}.`;
  for (const [k, v] of Object.entries(c)) parts.counts.setAttribute(`data-${k.replace("_", "-")}`, String(v));
  const a = state.agreement;
  parts.agreement.textContent = `Tuned ${outcomeText(a.outcome)} against today's logged tag (agreement with the log, not with an outcome): ${pct(a.share)} of ${a.n} sessions agree (sensitivity ${pct(a.sensitivity)}, specificity ${pct(a.specificity)}; ${a.tp} both, ${a.fp} only tuned, ${a.fn} only logged).`;
  parts.agreement.setAttribute("data-agreement", String(a.share));
  const flaggedIds = input.session_id.filter((_, i) => state.out.media_flag[i]);
  const todayFlagged = todayOut.media_flag.reduce((n, v) => n + v, 0);
  parts.media.textContent = `Sessions flagged by a media threshold: ${flaggedIds.length} (today ${todayFlagged})${flaggedIds.length ? `: ${flaggedIds.slice(0, 20).map(iso).join(", ")}${flaggedIds.length > 20 ? `, … (${flaggedIds.length})` : ""}` : ""}.`;
  parts.media.setAttribute("data-flagged", String(flaggedIds.length));
  parts.timing.textContent = `Re-scored in ${ms.toFixed(1)} ms.`;
  parts.timing.setAttribute("data-ms", String(ms));
  parts.rates.replaceChildren(recordsTable(Object.entries(state.diff.tag_rates).map(([dimension, r]) => ({ dimension, strength_today: pct(r.strength[0]), strength_tuned: pct(r.strength[1]), risk_today: pct(r.risk[0]), risk_tuned: pct(r.risk[1]) }))));
  const ids = state.diff.changed_sessions;
  parts.changed.textContent = ids.length ? `Changed sessions: ${ids.slice(0, 20).map(iso).join(", ")}${ids.length > 20 ? `, … (${ids.length})` : ""}` : "No session changes.";
}

/** An outcome (`risk:<dimension>`) as words, the dimension isolated: "risk tag on ⁨表达清晰度⁩". */
function outcomeText(outcome: string): string {
  const at = outcome.indexOf(":");
  return `${outcome.slice(0, at)} tag on ${iso(outcome.slice(at + 1))}`;
}

/** True when `a` and `b` set every threshold alike (the named ones and the media bounds). */
function sameThresholds(a: RulesConfig, b: RulesConfig): boolean {
  return THRESHOLDS.every((t) => getThreshold(a, t.path) === getThreshold(b, t.path)) && JSON.stringify(a.media) === JSON.stringify(b.media);
}
