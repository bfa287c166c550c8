const FSI = "\u2068";
const PDI = "\u2069";

/**
 * A name from the log made safe to show inside other text: wrapped in a first-strong isolate (FSI … PDI, what
 * `<bdi>` does), so that neither its direction nor a bidirectional override it leaves open reorders the text around
 * it. The name's own formatting characters still apply inside it, balanced: a PDI that would close the wrapper is
 * dropped, and isolates it leaves open are closed (the final PDI closes any embedding or override).
 *
 * @example isolateText("u\u202eevil") // "\u2068u\u202eevil\u2069"
 * @example isolateText("a\u2069\u202eb") // "\u2068a\u202eb\u2069" (the stray PDI would have ended the isolate)
 */
export function isolateText(text: string): string {
  if (!/[\u2066-\u2069]/.test(text)) return `${FSI}${text}${PDI}`;
  let open = 0;
  let out = "";
  for (const c of text) {
    if (c === "\u2066" || c === "\u2067" || c === FSI) open++;
    else if (c === PDI) {
      if (open === 0) continue;
      open--;
    }
    out += c;
  }
  return `${FSI}${out}${PDI.repeat(open)}${PDI}`;
}
