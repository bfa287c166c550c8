/** Escapes text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/**
 * JSON that is safe inside an HTML `<script>`: `<`, `>` and `&` are written as `\u003c`, `\u003e` and `\u0026`
 * (so no `</script>` or `<!--` can appear), and U+2028/U+2029 as escapes. `NaN`/`Infinity` become `null`.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value, (_, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v))
    .replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/**
 * JavaScript source made safe to inline in a `<script>` element: `</script` and `<!--` cannot end or upset the
 * element (`<\/script` and `<\x21--` read the same in strings, regexps and comments).
 */
export function inlineScript(source: string): string {
  return source.replace(/<\/script/gi, "<\\/script").replace(/<!--/g, "<\\x21--");
}
