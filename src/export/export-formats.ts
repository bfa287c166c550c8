/** The formats of `exportTables` and `metrics-kit export`. */
export const EXPORT_FORMATS = ["parquet", "csv", "arrow", "ndjson"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
