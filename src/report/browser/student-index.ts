/** Where each student of the report's picker is: their position by id, and their first row in the tuner's columns. */
export interface StudentIndex {
  index: Map<string, number>;
  /** Student k's sessions are the tuner's rows `starts[k]` … `starts[k] + counts[k] − 1`. */
  starts: Int32Array;
}

/**
 * Indexes the report's students (`ReportData.students`: ids and consecutive row counts).
 *
 * @example studentIndex({ ids: ["u1", "u2"], counts: [3, 2] }).starts // Int32Array [0, 3]
 */
export function studentIndex(students: { ids: readonly string[]; counts: readonly number[] }): StudentIndex {
  const index = new Map<string, number>();
  const starts = new Int32Array(students.ids.length);
  let at = 0;
  students.ids.forEach((id, k) => {
    index.set(id, k);
    starts[k] = at;
    at += students.counts[k];
  });
  return { index, starts };
}
