// The script of a notebook's tuner output (bundled by esbuild into one IIFE, inlined by `tunerBundle`): mounts the
// report's tuner widget into every `.metrics-kit-tuner` element of the page not mounted yet, drawing its charts with
// plotly.js once the page has it (`withPlotly`).
import type { Figure } from "../../figures/figure";
import type { RulesConfig } from "../../rules/rules-config";
import { decodeScoringInput, type ScoringInputJson } from "../../rules/scoring-input-json";
import { tunerWidget, type TunerApi } from "../../report/browser/tuner-widget";
import { PLOTLY_NBEXTENSION, withPlotly } from "../with-plotly";

declare const Plotly: { react(el: HTMLElement, data: unknown, layout: unknown, config?: unknown): Promise<unknown> };

const CONFIG = { responsive: true, displaylogo: false };

function plot(el: HTMLElement, fig: Figure): void {
  withPlotly(PLOTLY_NBEXTENSION, () => {
    el.classList.add("figure");
    void Plotly.react(el, fig.data, fig.layout, CONFIG);
  });
}

const w = window as unknown as { metricsKitTuners?: TunerApi[] };
for (const box of Array.from(document.querySelectorAll<HTMLElement>(".metrics-kit-tuner:not([data-mounted])"))) {
  box.dataset.mounted = "1";
  // Keys typed into the tuner's fields are not the classic Notebook's command shortcuts ("1" = heading, "d d" = delete).
  (window as unknown as { Jupyter?: { keyboard_manager?: { register_events?(el: unknown): void } } }).Jupyter?.keyboard_manager?.register_events?.(box);
  const json = JSON.parse(box.querySelector("script[type='application/json']")!.textContent!) as { input: ScoringInputJson; today: RulesConfig; start: RulesConfig };
  const { element, api } = tunerWidget({ input: decodeScoringInput(json.input), today: json.today, start: json.start, plot });
  box.querySelector(".metrics-kit-tuner-static")?.remove();
  box.append(element);
  (w.metricsKitTuners = w.metricsKitTuners || []).push(api);
  box.dataset.tuner = String(w.metricsKitTuners.length - 1);
  api.update();
}
