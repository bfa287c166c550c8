import { terminalSafe } from "../load/terminal-safe";

/**
 * Commander's suggestion after an unknown option or command: `'…'\n(Did you mean --since?)` or
 * `'…'\n(Did you mean one of a, b?)`, always the end of its message and right after the quote closing the word the
 * user typed, so that a newline the user typed inside that word (which cannot end the message) is never taken for it.
 */
const SUGGESTION = /'\n(\(Did you mean [^\n]*\?\))$/;

/**
 * One of commander's own error messages as the CLI's one line: `error: ` dropped, the newline commander puts before
 * its suggestion a space, and everything else `terminalSafe`, so a control character the user typed (which commander
 * quotes back) stays escaped.
 *
 * @param text - what commander hands to `outputError`, e.g. `"error: unknown option '--sinse'\n(Did you mean --since?)\n"`
 * @returns the line without its newline
 * @example commanderErrorLine("error: unknown option '--sinse'\n(Did you mean --since?)\n") // "unknown option '--sinse' (Did you mean --since?)"
 * @example commanderErrorLine("error: unknown option '--x\n'\n") // "unknown option '--x\\x0a'"
 */
export function commanderErrorLine(text: string): string {
  const message = text.replace(/^error: /, "").replace(/\n$/, "");
  const suggestion = SUGGESTION.exec(message);
  if (!suggestion) return terminalSafe(message);
  return `${terminalSafe(message.slice(0, suggestion.index + 1))} ${terminalSafe(suggestion[1])}`;
}
