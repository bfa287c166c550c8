import type { ScoringInput } from "./scoring-input";
import { packColumn, unpackColumn, type PackedColumn } from "./packed-column";

/**
 * A `ScoringInput` as compact JSON: every numeric column packed (`packColumn`: base64 bytes of the smallest exact
 * kind — scores with one decimal as Uint16 tenths, tag masks as Uint8, diagnostics as scaled integers or Float64),
 * the media means exact when a scaled integer holds them, else rounded to 6 decimals (Float32 for negative ones):
 * far below any slider step. What the HTML report embeds and
 * what a notebook widget can read with `decodeScoringInput`.
 */
export interface ScoringInputJson {
  dimensions: string[];
  omitted?: string[];
  session_id: string[];
  scores: PackedColumn[];
  avg_answer_len: PackedColumn;
  filler_ratio: PackedColumn;
  media: Record<string, PackedColumn>;
  log: { overall: PackedColumn; strength: PackedColumn; risk: PackedColumn; tasks: PackedColumn };
}

/**
 * Encodes a scoring input as compact JSON columns (exact but for the media means, see `ScoringInputJson`).
 *
 * @example decodeScoringInput(encodeScoringInput(input)).scores[0][0] === input.scores[0][0] // true
 */
export function encodeScoringInput(input: ScoringInput): ScoringInputJson {
  const media: Record<string, PackedColumn> = Object.create(null);
  for (const [f, xs] of Object.entries(input.media)) media[f] = packColumn(xs, { lossy: true });
  return {
    dimensions: [...input.dimensions],
    ...(input.omitted ? { omitted: [...input.omitted] } : {}),
    session_id: [...input.session_id],
    scores: input.scores.map((c) => packColumn(c)),
    avg_answer_len: packColumn(input.avg_answer_len),
    filler_ratio: packColumn(input.filler_ratio),
    media,
    log: { overall: packColumn(input.log.overall), strength: packColumn(input.log.strength), risk: packColumn(input.log.risk), tasks: packColumn(input.log.tasks) },
  };
}

/**
 * The inverse of `encodeScoringInput` (in Node and in the browser: no `Buffer`).
 *
 * @example scoreSessions(decodeScoringInput(data.tuner), defaultRules())
 */
export function decodeScoringInput(json: ScoringInputJson): ScoringInput {
  const media: Record<string, Float64Array> = Object.create(null);
  for (const [f, c] of Object.entries(json.media)) media[f] = unpackColumn(c);
  return {
    dimensions: json.dimensions,
    ...(json.omitted ? { omitted: json.omitted } : {}),
    session_id: json.session_id,
    scores: json.scores.map(unpackColumn),
    avg_answer_len: unpackColumn(json.avg_answer_len),
    filler_ratio: unpackColumn(json.filler_ratio),
    media,
    log: { overall: unpackColumn(json.log.overall), strength: Int32Array.from(unpackColumn(json.log.strength)), risk: Int32Array.from(unpackColumn(json.log.risk)), tasks: unpackColumn(json.log.tasks) },
  };
}
