import { test } from "node:test";
import assert from "node:assert/strict";
import { chunkLines } from "../../src/load/line-source";
import { createRng } from "../../src/generate/rng";

/** The lines of a chunk by their definition: the text decoded whole, cut at each newline, less the last empty piece, CR ends dropped. */
function reference(text: string, unterminated: boolean): string[] {
  const lines = text.split("\n");
  if (!unterminated) lines.pop();
  return lines.map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
}

test("chunkLines decodes each line as the whole chunk would: ASCII, other scripts, astral characters, CR, blank lines, a BOM", () => {
  const rng = createRng(20261202);
  const pieces = ['{"type": "media_report"}', "结构化表达（STAR）", "\u{1F600}", "é", "\r", "", " ", "\u0000", "u_2c0f1d83", "\uFFFD", "ascii only"];
  for (let round = 0; round < 300; round++) {
    const lines = Array.from({ length: rng.int(0, 40) }, () => Array.from({ length: rng.int(0, 5) }, () => rng.pick(pieces)).join(""));
    const unterminated = rng.bernoulli(0.3) && lines.length > 0;
    const text = lines.join("\n") + (unterminated ? "" : lines.length > 0 ? "\n" : "");
    const bom = rng.bernoulli(0.2);
    const bytes = Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, "utf8")]);
    const got = chunkLines({ file: "t.log", bytes, first: true, unterminated });
    assert.deepEqual(got.lines, reference(text, unterminated), JSON.stringify(text));
    assert.equal(got.invalidUtf8, undefined);
  }
});
