import { z } from "zod";
import { SessionReport } from "./session-report";
import { MediaReport } from "./media-report";

/** Every row type the kit understands, keyed by the value of `type`. */
export const ROW_SCHEMAS = {
  session_report: SessionReport,
  media_report: MediaReport,
} as const;

/** The row types the kit reads; any other `type` is skipped and counted (`unknown_type`). */
export type RowType = keyof typeof ROW_SCHEMAS;
export const ROW_TYPES = Object.keys(ROW_SCHEMAS) as RowType[];

/** A validated row of metrics.log. */
export const MetricsRow = z.discriminatedUnion("type", [SessionReport, MediaReport]);
export type MetricsRow = z.infer<typeof MetricsRow>;

/** True when `type` names a row type the kit reads. */
export function isRowType(type: unknown): type is RowType {
  return typeof type === "string" && Object.prototype.hasOwnProperty.call(ROW_SCHEMAS, type);
}
