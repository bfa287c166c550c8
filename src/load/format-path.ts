/**
 * Formats an issue path (zod's, or one built while walking a row) as `evaluation.dimensions[1].score`.
 *
 * @example formatPath(["evaluation", "dimensions", 1, "score"]) // "evaluation.dimensions[1].score"
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}
