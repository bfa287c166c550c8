import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { Summary } from "../../src/index";
import { cli, tempDir, writeTemp, sessionLine, mediaLine } from "../helpers";

const TS = "2025-11-03T12:24:13";

test("--help works on every command", () => {
  for (const args of [["--help"], ["summary", "--help"], ["generate", "--help"]]) {
    const r = cli(args);
    assert.equal(r.status, 0, args.join(" "));
    assert.match(r.stdout, /Usage: metrics-kit/);
  }
});

test("summary --json has the documented shape and counts; bad lines exit 0 and are listed", () => {
  const path = writeTemp("s.log", [sessionLine({ sid: "a", ts: TS }), "oops", mediaLine({ sid: "a", mid: "m", ts: TS, user: "u2" }), mediaLine({ sid: "z", mid: "n", ts: "2025-11-04T00:00:00" })].join("\n") + "\n");
  const r = cli(["summary", path, "--json"]);
  assert.equal(r.status, 0, r.stderr);
  const s = Summary.parse(JSON.parse(r.stdout));
  assert.deepEqual(s.rows, { session_report: 1, media_report: 2 });
  assert.equal(s.sessions, 1);
  assert.equal(s.users, 2);
  assert.deepEqual(s.time_range, { first: "2025-11-03T12:24:13.000Z", last: "2025-11-04T00:00:00.000Z" });
  assert.deepEqual(s.issues.map((i) => [i.line, i.code]), [[2, "invalid_json"]]);
  assert.deepEqual(s.joined, { sessions_with_media: 1, orphan_media_sessions: 1 });
  assert.deepEqual(s.dimensions["表达清晰度"], { n: 1, mean: 92, std: null, min: 92, max: 92 });
});

test("summary prints issues by code with line numbers in the human format", () => {
  const path = writeTemp("h.log", [sessionLine({ sid: "a", ts: TS }), "oops"].join("\n") + "\n");
  const r = cli(["summary", path]);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /error invalid_json: 1 — .*h\.log:2/);
});

test("exit 1 with --strict at the first bad line; exit 2 on an unreadable file, one line, no stack", () => {
  const path = writeTemp("x.log", [sessionLine({ sid: "a", ts: TS }), '{"type": "session_report"}'].join("\n") + "\n");
  const strict = cli(["summary", path, "--strict"]);
  assert.equal(strict.status, 1);
  assert.match(strict.stderr, /x\.log:2: error schema at user_id/);
  const missing = cli(["summary", "/nonexistent/m.log"]);
  assert.equal(missing.status, 2);
  assert.equal(missing.stderr.trim().split("\n").length, 1);
  assert.match(missing.stderr, /cannot read \/nonexistent\/m\.log/);
});

test("summary reads stdin with -", () => {
  const r = cli(["summary", "-", "--json"], sessionLine({ sid: "a", ts: TS }) + "\n");
  assert.equal(r.status, 0);
  assert.equal(JSON.parse(r.stdout).sessions, 1);
});

test("generate refuses to overwrite without --force, and --out - writes to stdout", () => {
  const dir = tempDir();
  const out = join(dir, "g.log");
  writeFileSync(out, "keep me\n");
  const refused = cli(["generate", "--out", out, "--students", "5"]);
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /exists; pass --force/);
  assert.equal(readFileSync(out, "utf8"), "keep me\n");
  const forced = cli(["generate", "--out", out, "--students", "5", "--truth", join(dir, "t.json"), "--force"]);
  assert.equal(forced.status, 0, forced.stderr);
  assert.ok(existsSync(join(dir, "t.json")));
  const stdout = cli(["generate", "--out", "-", "--students", "5"]);
  assert.equal(stdout.status, 0);
  assert.equal(stdout.stdout, readFileSync(out, "utf8"));
  const bad = cli(["generate", "--out", "-", "--scenario", "nope"]);
  assert.equal(bad.status, 2);
});

test("the CLI runs as an executable (its shebang: env -S with malloc's mmap threshold, then node) as it does under node", async () => {
  const { spawnSync } = await import("node:child_process");
  const bin = join(__dirname, "..", "..", "bin", "metrics-kit.js");
  const firstLine = readFileSync(bin, "utf8").split("\n")[0];
  assert.match(firstLine, /^#!\/usr\/bin\/env -S MALLOC_MMAP_THRESHOLD_=\d+ node$/);
  const sample = join(__dirname, "..", "..", "data", "sample", "metrics.log");
  const direct = spawnSync(bin, ["summary", sample, "--json", "--no-cache"], { encoding: "utf8" });
  assert.equal(direct.status, 0, direct.stderr);
  assert.equal(direct.stdout, cli(["summary", sample, "--json", "--no-cache"]).stdout);
  // The variable reaches the node process the shebang starts (glibc reads it there, at start): a preloaded script prints it.
  const probe = writeTemp("print-malloc-env.js", 'process.stderr.write(`MALLOC=${process.env.MALLOC_MMAP_THRESHOLD_}\\n`);\n');
  const env = { ...process.env, MALLOC_MMAP_THRESHOLD_: "", NODE_OPTIONS: `--require ${probe}` };
  const probed = spawnSync(bin, ["--help"], { encoding: "utf8", env });
  assert.equal(probed.status, 0, probed.stderr);
  assert.match(probed.stderr, new RegExp(`^MALLOC=${/MALLOC_MMAP_THRESHOLD_=(\d+)/.exec(firstLine)![1]}$`, "m"));
});
