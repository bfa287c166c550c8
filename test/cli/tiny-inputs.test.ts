import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { cli, sessionLine, tempDir, writeTemp } from "../helpers";

const TS = "2025-11-03T12:24:13";
const empty = () => writeTemp("empty.log", "");
const one = () => writeTemp("one.log", `${sessionLine({ sid: "s1", user: "u1", ts: TS, scores: [43.3, 85, 50] })}\n`);

test("replay of an empty log says there are no sessions to replay, not 100% identical; its JSON keeps its shape", () => {
  const log = empty();
  const text = cli(["replay", log, "--no-cache", "--no-memo"]);
  assert.equal(text.status, 0, text.stderr);
  assert.equal(text.stdout, "sessions: 0\nno sessions to replay\n");
  const json = JSON.parse(cli(["replay", log, "--json", "--no-cache", "--no-memo"]).stdout);
  assert.deepEqual(Object.keys(json), ["sessions", "agreement", "changed", "omitted_dimensions"]);
  assert.equal(json.sessions, 0);
});

test("compare of an empty log: the figures table, then 'verdicts: none', no blank lines nor a headless table", () => {
  const log = empty();
  const text = cli(["compare", log, "--a-until", "2025-11-01", "--b-since", "2025-11-01", "--no-cache"]);
  assert.equal(text.status, 0, text.stderr);
  const lines = text.stdout.split("\n");
  assert.match(lines[0], /^figure +A +B +change$/);
  assert.deepEqual(lines.slice(-3), ["", "verdicts: none (no dimension has a score on either side)", ""]);
  assert.equal(lines.filter((l) => l === "").length, 2, text.stdout);
  const json = JSON.parse(cli(["compare", log, "--json", "--no-cache"]).stdout);
  assert.deepEqual(Object.keys(json), ["figures", "verdicts"]);
  assert.deepEqual(json.verdicts, []);
});

test("compare with dimensions: the verdict table has a heading and a header", () => {
  const text = cli(["compare", one(), "--a-until", "2025-11-01", "--b-since", "2025-11-01", "--no-cache"]);
  const verdicts = text.stdout.split("\n\n")[1].split("\n");
  assert.equal(verdicts[0], "verdicts:");
  assert.match(verdicts[1], /^dimension +A +B$/);
  assert.equal(verdicts.length, 3 + 3 + 1, text.stdout);
});

test("report of an empty log: its line ends 'verdicts: none'", () => {
  const r = cli(["report", empty(), "--out", join(tempDir(), "r.html"), "--no-cache"]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /: 0 sessions, 0 users, 0 rejected lines, 0 warnings; verdicts: none\n$/);
});

test("analyze of a one-session log prints – for an sd and a change it cannot have, never NaN; the JSON keeps null", () => {
  const log = one();
  const text = cli(["analyze", log, "--no-cache", "--no-memo"]);
  assert.equal(text.status, 0, text.stderr);
  assert.doesNotMatch(text.stdout, /NaN/);
  assert.match(text.stdout, /表达清晰度: concentrated .*\(n=1, mean 85\.0, sd –, 1 values/);
  assert.match(text.stdout, /^ {2}表达清晰度: – per session, 0 students improved/m);
  const json = JSON.parse(cli(["analyze", log, "--json", "--no-cache", "--no-memo"]).stdout);
  assert.equal(json.dimensions["表达清晰度"].std, null);
});
