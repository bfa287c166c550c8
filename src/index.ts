/**
 * interview-metrics-kit: the public API. Schemas (zod, types inferred), the streaming loader, the join layer,
 * statistics, the backend's rules as config, and the synthetic log generator.
 */
export * from "./schema/dimension";
export * from "./schema/task";
export * from "./schema/timeline-event";
export * from "./schema/evaluation";
export * from "./schema/diagnostics";
export * from "./schema/session-report";
export * from "./schema/audio-features";
export * from "./schema/video-features";
export * from "./schema/media-report";
export * from "./schema/metrics-row";
export * from "./schema/timestamp";
export * from "./schema/expected-range";

export * from "./load/load-issue";
export * from "./load/terminal-safe";
export * from "./load/isolate-text";
export * from "./load/python-json";
export * from "./load/line-source";
export * from "./load/schema-drift";
export * from "./load/parse-line";
export * from "./load/out-of-range";
export * from "./load/scan-chunk";
export * from "./load/read-metrics";
export * from "./load/load-metrics";

export * from "./join/columns";
export * from "./join/name-record";
export * from "./join/column-values";
export * from "./store/column";
export * from "./store/block-column";
export * from "./store/coded-column";
export * from "./store/text-column";
export * from "./store/sparse-column";
export * from "./store/column-spec";
export * from "./store/column-specs";
export * from "./store/interner";
export * from "./store/store-chunk";
export * from "./store/chunk-builder";
export * from "./store/store-assembler";
export * from "./store/metrics-data";
export * from "./store/store-snapshot";
export * from "./join/picked-column";
export * from "./join/group-column";
export * from "./join/date-column";
export * from "./join/collector";
export * from "./join/sessions-table";
export * from "./join/dimension-scores";
export * from "./join/media-table";
export * from "./join/media-per-session";
export * from "./join/join-media";
export * from "./join/student-timelines";
export * from "./join/load-tables";
export { cacheSettings, DEFAULT_CACHE_BYTES, type CacheOptions, type CacheSettings } from "./cache/cache-settings";
export { cacheWrites } from "./cache/pending-writes";
export * from "./join/most-active-student";

export * from "./stats/finite-values";
export * from "./stats/describe";

export * from "./rules/rules-config";
export * from "./rules/py-round";
export * from "./rules/score-rules";

export * from "./generate/python-json-writer";
export * from "./generate/scenarios";
export * from "./generate/truth";
export * from "./rules/backend-scoring";
export * from "./rules/score-lattice";
export * from "./generate/answer-text";
export * from "./generate/generate-log";

export * from "./summary/summarize";
export * from "./summary/format-summary";

export * from "./stats/paired-values";
export * from "./stats/correlation";
export * from "./stats/bootstrap-interval";
export * from "./stats/spearman-bootstrap";
export * from "./stats/spearman-interval";
export * from "./stats/average-ranks";
export * from "./stats/subset-ranks";
export * from "./stats/centered-pearson";
export * from "./stats/complete-rows";
export * from "./stats/same-rows";
export * from "./stats/gather";
export * from "./stats/spearman-matrix";
export * from "./stats/normalized-entropy";
export * from "./stats/cronbach-alpha";
export * from "./stats/benjamini-hochberg";
export * from "./stats/partial-correlation";
export * from "./stats/correlation-p-value";
export * from "./stats/icc-consistency";
export * from "./stats/icc-lower-bound";

export * from "./rules/scoring-input";
export * from "./rules/score-sessions";
export * from "./rules/rules-file";
export * from "./rules/parse-rules";
export * from "./rules/with-thresholds";
export * from "./rules/clamp-threshold";
export * from "./rules/threshold-order";
export * from "./io/nearest-name";

export * from "./io/output-check";
export * from "./io/output-file";
export * from "./io/write-output";

export * from "./analysis/dimension-quality";
export * from "./analysis/feature-links";
export * from "./analysis/student-progress";
export * from "./analysis/replay";
export * from "./analysis/rules-diff";
export * from "./analysis/thresholds";
export * from "./analysis/sweep";
export * from "./analysis/suggest-threshold";
export * from "./analysis/analyze";
export * from "./analysis/tag-outcome";
export * from "./analysis/result-rows";
export * from "./analysis/suggestion-rows";
export * from "./analysis/truth-check";
export * from "./analysis/text-features";
export * from "./analysis/dimension-evidence";
export * from "./analysis/retest-reliability";
export * from "./analysis/quality-verdict";
export * from "./analysis/plain-answers";
export * from "./analysis/format-analysis";
export * from "./analysis/format-replay";

export * from "./stats/decile-bins";

export * from "./figures/figure";
export * from "./figures/category-axis";
export * from "./figures/short-label";
export * from "./figures/fit-width";
export * from "./figures/wrap-title";
export * from "./figures/legend-height";
export * from "./figures/histogram-bins";
export * from "./figures/histogram-figure";
export * from "./figures/threshold-lines";
export * from "./figures/feature-figure";
export * from "./figures/quality-figure";
export * from "./figures/cohort-figure";
export * from "./figures/trajectory-traces";
export * from "./figures/trajectory-figure";
export * from "./figures/replay-figure";
export * from "./figures/tag-rates-figure";
export * from "./figures/score-shift-figure";
export * from "./figures/sweep-figure";

export * from "./browser/chromium";
export * from "./browser/figure-png";

export * from "./notebook/html";
export * from "./notebook/table-bundle";
export * from "./notebook/figure-bundle";
export * from "./notebook/display-bundle";
export * from "./notebook/show";
export * from "./notebook/show-tuner";
export * from "./notebook/column-notes";
export * from "./notebook/with-plotly";
export * from "./notebook/notebook-log-path";

export * from "./rules/scoring-input-json";
export * from "./rules/packed-column";
export * from "./rules/pick-scoring-input";
export * from "./report/session-sample";
export * from "./report/report-data";
export * from "./report/report-app-source";
export * from "./report/report-html";
export * from "./report/write-report";
export * from "./report/report-line";
export * from "./generate/write-log";

export * from "./dataset/table-names";
export * from "./dataset/dataset-tables";
export * from "./dataset/column-types";
export * from "./dataset/filter-tables";
export * from "./dataset/filter-options";
export * from "./dataset/check-filter";
export * from "./sql/sql";
export * from "./sql/quote";
export * from "./sql/format-result";
export * from "./export/export-tables";
export * from "./dataset/compare";
export * from "./dataset/to-danfo";
