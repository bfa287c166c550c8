import { test } from "node:test";
import assert from "node:assert/strict";
import { isolateText, terminalSafe, plotlyText } from "../../src/index";

test("isolateText wraps a name in FSI … PDI, balanced: a stray PDI is dropped, isolates left open are closed", () => {
  assert.equal(isolateText("表达清晰度"), "\u2068表达清晰度\u2069");
  assert.equal(isolateText("u\u202eevil"), "\u2068u\u202eevil\u2069", "the final PDI closes an override left open");
  assert.equal(isolateText("a\u2069\u202eb"), "\u2068a\u202eb\u2069", "a PDI that would end the wrapper is dropped");
  assert.equal(isolateText("a\u2067b\u2069c\u2066d"), "\u2068a\u2067b\u2069c\u2066d\u2069\u2069", "one PDI per isolate left open, then the wrapper's");
  assert.equal(isolateText(""), "\u2068\u2069");
});

test("plotlyText writes every bidi mark, embedding, override and isolate, and every C0/C1 control, as its escape", () => {
  const all = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069";
  assert.equal(plotlyText(`a${all}b`), "a\\u061c\\u200e\\u200f\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069b");
  assert.equal(plotlyText("<b>\u202eA\u001b[2J\b\u009b"), "&lt;b&gt;\\u202eA\\x1b[2J\\x08\\x9b");
  assert.equal(plotlyText("אב 表达 & x"), "אב 表达 &amp; x", "letters of any script stay");
});

test("terminalSafe escapes the bidi marks (LRM, RLM, ALM) and the line and paragraph separators too", () => {
  assert.equal(terminalSafe("a\u200eb\u200fc\u061cd\u2028e\u2029f"), "a\\u200eb\\u200fc\\u061cd\\u2028e\\u2029f");
  assert.equal(terminalSafe("\u202e\u2066\u001b\u009b"), "\\u202e\\u2066\\x1b\\x9b");
});

test("terminalSafe escapes the invisible zero-width space and byte-order mark, which would make two names look alike", () => {
  assert.equal(terminalSafe("bom\ufeffx zw\u200bx"), "bom\\ufeffx zw\\u200bx");
  assert.equal(terminalSafe("a\u200db"), "a\u200db", "a zero-width joiner stays: emoji and some scripts need it");
});
