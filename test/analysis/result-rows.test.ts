import { test } from "node:test";
import assert from "node:assert/strict";
import { linkRows, type FeatureLink } from "../../src/index";

/** A link with the given q (and p): every other figure fixed. */
function link(q: number, spearman = 0.5): FeatureLink {
  return {
    feature: "audio.filler_word_ratio", target: "表达清晰度", n: 300, missing: 2, pearson: 0.48, spearman, ci95: [0.41, 0.58], interval: "bootstrap",
    p: q / 2, q, significant: q < 0.05, partial_spearman: 0.4, partial_p: q, bins: [],
  };
}

test("linkRows: a tiny q stays readable (2 significant digits, never 0); the link keeps every digit", () => {
  const links = [link(2.7123e-92, 0.9), link(0.000123456, 0.8), link(0.0123456, 0.7), link(0.5, 0.1)];
  assert.deepEqual(linkRows(links).map((r) => r.q), [2.7e-92, 0.00012, 0.012, 0.5]);
  assert.equal(links[0].q, 2.7123e-92);
  assert.deepEqual(linkRows(links, { significant: true }).map((r) => r.spearman), [0.9, 0.8, 0.7]);
});
