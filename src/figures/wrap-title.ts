import { displayWidth } from "../load/display-width";

/** Pixels a column of `displayWidth` takes in a 13 px title, about (a wide character takes two). */
const COLUMN_PX = 7;
/** Lines a title may take; the rest of the last one is cut, as before. */
const MAX_LINES = 3;

/**
 * A chart title broken into lines (`<br>`, which plotly draws as a line break) that fit `width` pixels at the
 * narrow layout's 13 px, at spaces only (never inside a word or an escaped `&lt;`), at most three lines; the lines
 * it holds already are kept. Widths are estimated (`displayWidth`: two columns for a wide character).
 *
 * @example wrapTitle("Replay of the rules: agreement with the log (373 sessions)", 342) // "Replay of the rules: agreement with the log<br>(373 sessions)"
 */
export function wrapTitle(title: string, width: number): string {
  const columns = Math.max(10, Math.floor(width / COLUMN_PX));
  const lines: string[] = [];
  for (const given of title.split("<br>")) {
    let line = "";
    for (const word of given.split(" ")) {
      const next = line === "" ? word : `${line} ${word}`;
      if (line !== "" && displayWidth(next.replace(/&[a-z]+;|&#\d+;/g, "x")) > columns) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    lines.push(line);
  }
  return lines.length <= MAX_LINES ? lines.join("<br>") : [...lines.slice(0, MAX_LINES - 1), lines.slice(MAX_LINES - 1).join(" ")].join("<br>");
}
