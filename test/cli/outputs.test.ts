import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { createHash, randomBytes } from "node:crypto";
import { join } from "node:path";
import { cli, tempDir, sessionLine, mediaLine } from "../helpers";

const BIN = join(__dirname, "..", "..", "bin", "metrics-kit.js");
const TEMP = /^\.big\.log\.metrics-kit-\d+-[0-9a-f]{10}\.tmp$/;
const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
const lines = (text: string) => text.split("\n").filter(Boolean);
/** The CLI run in `cwd` (where a file named `-` would land). */
const cliIn = (cwd: string, args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", maxBuffer: 1 << 28 });
const smallLog = (dir: string) => {
  const file = join(dir, "small.log");
  writeFileSync(file, [sessionLine({ sid: "a", ts: "2025-11-03T12:24:13" }), mediaLine({ sid: "a", mid: "m", ts: "2025-11-03T12:25:00" }), sessionLine({ sid: "b", ts: "2025-11-04T12:24:13", scores: [70, 80, 90] })].join("\n") + "\n");
  return file;
};

test("generate killed by SIGKILL while writing over an existing file: the original bytes stay, nothing under its name", async () => {
  const dir = tempDir();
  const out = join(dir, "big.log");
  writeFileSync(out, randomBytes(100_000));
  const before = sha(out);
  const child = spawn(process.execPath, [BIN, "generate", "--out", out, "--students", "2000000", "--workers", "0", "--force"], { stdio: "ignore" });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_, signal) => resolve(signal)));
  // Kill once the new log is well under way (≥ 2 s and ≥ 1 MB written), as a crash or an OOM kill would.
  const started = Date.now();
  let written = 0;
  while (Date.now() - started < 60_000 && (written < 1 << 20 || Date.now() - started < 2000)) {
    await new Promise((r) => setTimeout(r, 100));
    const temp = readdirSync(dir).find((f) => TEMP.test(f));
    written = temp ? statSync(join(dir, temp)).size : 0;
  }
  assert.ok(written >= 1 << 20, `the generator wrote ${written} bytes in 60 s`);
  child.kill("SIGKILL");
  assert.equal(await exited, "SIGKILL");
  assert.equal(sha(out), before, "the original is intact");
  const left = readdirSync(dir).sort();
  assert.equal(left.length, 2, left.join(", "));
  assert.equal(left[1], "big.log");
  assert.match(left[0], TEMP, "the killed writer's file is hidden and named as temporary");
  // The next write of the same destination removes the dead writer's temporary file.
  const again = cli(["generate", "--out", out, "--students", "3", "--force"]);
  assert.equal(again.status, 0, again.stderr);
  assert.deepEqual(readdirSync(dir), ["big.log"]);
  assert.match(JSON.parse(lines(readFileSync(out, "utf8"))[0]).type, /^(session|media)_report$/);
});

test("report --out a symbolic link: refused without --force; with it the link is replaced and its target kept", () => {
  const dir = tempDir();
  const log = smallLog(dir);
  writeFileSync(join(dir, "target.html"), "target\n");
  symlinkSync("target.html", join(dir, "link.html"));
  const refused = cli(["report", log, "--out", join(dir, "link.html")]);
  assert.equal(refused.status, 2);
  assert.equal(lines(refused.stderr).length, 1, refused.stderr);
  assert.match(refused.stderr, /link\.html is a symbolic link; pass --force/);
  assert.equal(readlinkSync(join(dir, "link.html")), "target.html");
  const forced = cli(["report", log, "--out", join(dir, "link.html"), "--force"]);
  assert.equal(forced.status, 0, forced.stderr);
  assert.ok(lstatSync(join(dir, "link.html")).isFile());
  assert.match(readFileSync(join(dir, "link.html"), "utf8"), /^<!doctype html>/);
  assert.equal(readFileSync(join(dir, "target.html"), "utf8"), "target\n");
});

test("a dangling symbolic link is not written through without --force (generate, rules, report)", () => {
  const dir = tempDir();
  const log = smallLog(dir);
  symlinkSync(join(dir, "nowhere"), join(dir, "dangling"));
  for (const args of [["generate", "--students", "3"], ["rules"], ["report", log]]) {
    const r = cli([...args, "--out", join(dir, "dangling")]);
    assert.equal(r.status, 2, args[0]);
    assert.match(r.stderr, /dangling is a symbolic link/);
    assert.ok(!existsSync(join(dir, "nowhere")), args[0]);
  }
  const t = cli(["generate", "--students", "3", "--out", "-", "--truth", join(dir, "dangling")]);
  assert.equal(t.status, 2);
  assert.equal(t.stdout, "", "nothing generated before the check");
  assert.ok(!existsSync(join(dir, "nowhere")));
});

test("missing parent folders are made for every output: --out, --truth, rules --out, report --out", () => {
  const dir = tempDir();
  const log = smallLog(dir);
  const g = cli(["generate", "--students", "3", "--out", join(dir, "a", "b", "g.log"), "--truth", join(dir, "c", "d", "t.json")]);
  assert.equal(g.status, 0, g.stderr);
  assert.equal(JSON.parse(readFileSync(join(dir, "c", "d", "t.json"), "utf8")).counts.lines, lines(readFileSync(join(dir, "a", "b", "g.log"), "utf8")).length);
  const r = cli(["rules", "--out", join(dir, "e", "f", "rules.json")]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(readFileSync(join(dir, "e", "f", "rules.json"), "utf8")).clarity.length.high, 220);
  const h = cli(["report", log, "--out", join(dir, "g", "h", "r.html")]);
  assert.equal(h.status, 0, h.stderr);
  assert.match(readFileSync(join(dir, "g", "h", "r.html"), "utf8"), /^<!doctype html>/);
});

test("--out - writes report and rules to stdout, not to a file named -", () => {
  const dir = tempDir();
  const log = smallLog(dir);
  const report = cliIn(dir, ["report", log, "--out", "-"]);
  assert.equal(report.status, 0, report.stderr);
  assert.match(report.stdout, /^<!doctype html>[\s\S]*<\/html>\n?$/);
  assert.match(report.stderr, /^- \([\d.]+ MB\): 2 sessions, 1 users/);
  const rules = cliIn(dir, ["rules", "--out", "-"]);
  assert.equal(rules.status, 0, rules.stderr);
  assert.deepEqual(JSON.parse(rules.stdout), JSON.parse(cliIn(dir, ["rules", "--print"]).stdout));
  const both = cliIn(dir, ["rules", "--out", "-", "--print"]);
  assert.equal(both.stdout, rules.stdout, "printed once");
  assert.deepEqual(readdirSync(dir), ["small.log"]);
});

test("rules --out refuses an existing file, replaces it with --force", () => {
  const dir = tempDir();
  const out = join(dir, "rules.json");
  writeFileSync(out, "keep");
  const refused = cli(["rules", "--out", out]);
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /rules\.json exists; pass --force/);
  assert.equal(readFileSync(out, "utf8"), "keep");
  assert.equal(cli(["rules", "--out", out, "--force"]).status, 0);
  assert.equal(JSON.parse(readFileSync(out, "utf8")).tags.strengthAtLeast, JSON.parse(cli(["rules", "--print"]).stdout).tags.strengthAtLeast);
  assert.deepEqual(readdirSync(dir), ["rules.json"]);
});
