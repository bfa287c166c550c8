/**
 * The Unicode bidirectional formatting characters, as a regular-expression character class: the marks (ALM U+061C,
 * LRM U+200E, RLM U+200F), the embeddings and overrides (LRE, RLE, PDF, LRO, RLO: U+202A–U+202E) and the isolates
 * (LRI, RLI, FSI, PDI: U+2066–U+2069). An override left open in a name reverses the text after it ("Trojan Source").
 */
export const BIDI_CONTROL_CLASS = "\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069";

const BIDI_CONTROL = new RegExp(`[${BIDI_CONTROL_CLASS}]`, "g");

/**
 * Text with every bidirectional formatting character written as its escape `\uHHHH` (visible, inert): for places
 * that cannot isolate a name, such as a chart's SVG labels.
 *
 * @example escapeBidi("a\u202eb") // "a\\u202eb"
 */
export function escapeBidi(text: string): string {
  return text.replace(BIDI_CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
