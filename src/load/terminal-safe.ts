/** C0 controls (newline and tab included), DEL, C1 controls, and the bidirectional overrides that reorder a line. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from a log made safe to print on a terminal: every control character (an escape sequence's ESC, a carriage
 * return, a newline, a bidirectional override) is written as `\xHH` or `\uHHHH`, so log content can neither
 * move the cursor, recolour the screen nor forge lines of output.
 *
 * @example terminalSafe("u\u001b[31m1") // "u\\x1b[31m1"
 */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL, escaped);
}

/** A character as `\xHH` (up to U+00FF) or `\uHHHH`. */
function escaped(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/** `CONTROL` but for newline and tab, which a page or a chart label shows as white space. */
const DISPLAY_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from a log made safe to show in a page, a table or a chart: the bidirectional overrides and isolates (which
 * would reverse the text after them, a name and a verdict swapping places) and the other control characters are
 * written as `\uHHHH`/`\xHH`, visible; newlines and tabs stay.
 *
 * @example displaySafe("ok\u202edab") // "ok\\u202edab"
 */
export function displaySafe(text: string): string {
  return text.replace(DISPLAY_CONTROL, escaped);
}

/**
 * Lines of a command's text output, each made terminal-safe (a line break inside one is escaped, so text from a log
 * cannot forge a line), joined by newlines with a final one.
 *
 * @example terminalLines(["a", "b\u001b[2J"]) // "a\nb\\x1b[2J\n"
 */
export function terminalLines(lines: readonly string[]): string {
  return `${lines.map(terminalSafe).join("\n")}\n`;
}
