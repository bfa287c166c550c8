/**
 * C0 controls (newline and tab included), DEL, C1 controls, the line and paragraph separators, and every Unicode
 * bidirectional formatting character that reorders a line: the marks (ALM U+061C, LRM U+200E, RLM U+200F), the
 * embeddings and overrides (U+202A–U+202E) and the isolates (U+2066–U+2069); and the invisible zero-width space
 * (U+200B) and byte-order mark (U+FEFF), which would make two names look alike.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * Text from a log made safe to print on a terminal: every control character (an escape sequence's ESC, a carriage
 * return, a newline, a line separator, a bidirectional mark, override or isolate) is written as `\xHH` or
 * `\uHHHH`, so log content can neither move the cursor, recolour the screen, reorder the line nor forge lines of
 * output. Chart labels show the same escapes (`plotlyText`).
 *
 * @example terminalSafe("u\u001b[31m1") // "u\\x1b[31m1"
 * @example terminalSafe("u\u200f1") // "u\\u200f1"
 */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/**
 * Lines of human-readable output joined with newlines, each made `terminalSafe`: what every text formatter of the
 * CLI (`formatSummary`, `formatAnalysis`, `formatReplay`, `reportLine`, …) returns, so that whatever a line quotes
 * from the log (a dimension name, a user id, a file name, a message) is escaped once, where the text is made. The
 * lines themselves must not hold a newline: one inside a line is escaped like any other control.
 *
 * @example terminalLines(["dimensions:", "  d\u001b[2J: ok"]) // "dimensions:\n  d\\x1b[2J: ok"
 */
export function terminalLines(lines: readonly string[]): string {
  return lines.map(terminalSafe).join("\n");
}
