import { z } from "zod";
import { parseTimestamp } from "./parse-timestamp";

export { parseTimestamp, formatTimestamp } from "./parse-timestamp";

/** A `ts` field: any ISO 8601 date-time, read as UTC when it has no offset. */
export const Timestamp = z.string().refine((s) => parseTimestamp(s) !== undefined, {
  message: "not an ISO 8601 date-time (year 0001–9999, valid month, day, hour, minute, second, offset within ±23:59)",
});
