import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, existsSync, copyFileSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync, utimesSync, writeFileSync, writeSync, closeSync } from "node:fs";
import { join } from "node:path";
import { cli, tempDir } from "../helpers";

// A memoised command (summary, analyze, replay) re-run on unchanged inputs is answered from the cache's memo before
// the CLI loads. Each case checks the output against a run that bypasses the cache, and tells a replay from a
// recomputation by the parsed-log cache: a replay reads no log, so an index deleted before it stays deleted.
const sample = join(__dirname, "..", "..", "data", "sample", "metrics.log");

const files = (dir: string, ext: string) => readdirSync(dir).filter((n) => n.endsWith(ext));
/** Deletes the parsed-log cache (indexes and snapshots), keeping the memos. */
const dropLogCache = (dir: string) => {
  if (!existsSync(dir)) return;
  for (const n of [...files(dir, ".idx"), ...files(dir, ".snap"), ...files(dir, ".seg")]) unlinkSync(join(dir, n));
};
/** Runs `args` through the cache in `dir` and says whether the log was read (an index written) or the memo replayed. */
function run(args: string[], dir: string): { stdout: string; read: boolean } {
  dropLogCache(dir);
  const r = cli([...args, "--cache-dir", dir]);
  assert.equal(r.status, 0, r.stderr);
  return { stdout: r.stdout, read: files(dir, ".idx").length > 0 };
}
const fresh = (args: string[]) => {
  const r = cli([...args, "--no-cache"]);
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
};

function setup(): { dir: string; log: string } {
  const root = tempDir();
  const log = join(root, "metrics.log");
  copyFileSync(sample, log);
  return { dir: join(root, "cache"), log };
}

test("summary, analyze and replay on an unchanged log replay their memo, byte for byte; --no-memo recomputes", () => {
  const { dir, log } = setup();
  for (const args of [["summary", log], ["summary", log, "--json"], ["analyze", log, "--json"], ["analyze", log], ["replay", log, "--json"]]) {
    const expected = fresh(args);
    const first = run(args, dir);
    assert.ok(first.read, `${args.join(" ")}: the first run reads the log`);
    assert.equal(first.stdout, expected);
    const again = run(args, dir);
    assert.ok(!again.read, `${args.join(" ")}: the re-run replays the memo`);
    assert.equal(again.stdout, expected);
    const recomputed = run([...args, "--no-memo"], dir);
    assert.ok(recomputed.read, "--no-memo reads the log");
    assert.equal(recomputed.stdout, expected);
  }
  assert.equal(files(dir, ".memo").length, 5, "one memo per command line");
});

test("a log appended to, edited in place (same size), or replaced behind a symbolic link is read again", () => {
  const { dir, log } = setup();
  const link = join(dir, "..", "link.log");
  symlinkSync(log, link);
  const args = ["summary", link, "--json"];
  run(args, dir);
  assert.ok(!run(args, dir).read);

  appendFileSync(log, readFileSync(sample, "utf8").split("\n").slice(0, 3).join("\n") + "\n");
  const appended = run(args, dir);
  assert.ok(appended.read, "an appended log is read");
  assert.equal(appended.stdout, fresh(args));
  assert.notEqual(appended.stdout, fresh(["summary", sample, "--json"]).replace(sample, link));

  // The same size and, restored, the same mtime (whole seconds, which utimes sets exactly): the bytes changed near
  // the end (in the fingerprint's tail).
  const second = Math.floor(Date.now() / 1000) - 60;
  utimesSync(log, second, second);
  assert.ok(run(args, dir).read);
  assert.ok(!run(args, dir).read);
  const bytes = readFileSync(log);
  const at = bytes.lastIndexOf('"user_id": "') + '"user_id": "'.length;
  const fd = openSync(log, "r+");
  writeSync(fd, Buffer.from(bytes[at] === 0x5a ? "Y" : "Z"), 0, 1, at);
  closeSync(fd);
  const text = readFileSync(log, "utf8");
  utimesSync(log, second, second);
  const edited = run(args, dir);
  assert.ok(edited.read, "an edit at the same size and mtime is caught by the fingerprint");
  assert.equal(edited.stdout, fresh(args));

  const other = join(dir, "..", "other.log");
  writeFileSync(other, text.split("\n").slice(0, 40).join("\n") + "\n");
  unlinkSync(link);
  symlinkSync(other, link);
  const retargeted = run(args, dir);
  assert.ok(retargeted.read, "a link to another file is read");
  assert.equal(retargeted.stdout, fresh(args));
});

test("a --users file is an input: changed, or appearing where a list was named, the command is recomputed", () => {
  const { dir, log } = setup();
  const users = [...new Set([...readFileSync(sample, "utf8").matchAll(/"user_id": "([^"]+)"/g)].map((m) => m[1]))];
  const cohort = join(dir, "..", "cohort.txt");
  writeFileSync(cohort, `${users.slice(0, 3).join("\n")}\n`);
  const byFile = ["summary", log, "--json", "--users", cohort];
  run(byFile, dir);
  writeFileSync(cohort, `${users.slice(0, 5).join("\n")}\n`);
  const changed = run(byFile, dir);
  assert.ok(changed.read);
  assert.equal(changed.stdout, fresh(byFile));
  assert.equal(JSON.parse(changed.stdout).users, 5);

  // `--users NAME` names a list until a file NAME exists (the CLI runs in the test's working folder). NAME is a
  // student's id: an id no row has is told on stderr, and an output with such a note is never memoised.
  const name = users[0];
  const byName = ["summary", log, "--json", "--users", name];
  try {
    const listed = run(byName, dir);
    assert.equal(JSON.parse(listed.stdout).users, 1);
    assert.ok(!run(byName, dir).read, "the list's output is replayed");
    writeFileSync(name, `${users[1]}\n${users[2]}\n`);
    const appeared = run(byName, dir);
    assert.ok(appeared.read, "a file appearing under the name is read");
    assert.equal(JSON.parse(appeared.stdout).users, 2);
    assert.equal(appeared.stdout, fresh(byName));
  } finally {
    rmSync(name, { force: true });
  }
});

test("a damaged or foreign memo is ignored and rewritten; stdin and --no-cache are never memoised", () => {
  const { dir, log } = setup();
  const args = ["analyze", log];
  const expected = fresh(args);
  run(args, dir);
  const [memo] = files(dir, ".memo");
  const bytes = readFileSync(join(dir, memo));
  bytes[bytes.length - 20] ^= 0xff;
  writeFileSync(join(dir, memo), bytes);
  const damaged = run(args, dir);
  assert.ok(damaged.read, "a damaged memo is not replayed");
  assert.equal(damaged.stdout, expected);
  assert.ok(!run(args, dir).read, "it was rewritten");
  writeFileSync(join(dir, memo), "not a memo\n");
  const foreign = run(args, dir);
  assert.ok(foreign.read);
  assert.equal(foreign.stdout, expected);

  rmSync(dir, { recursive: true });
  const piped = cli(["summary", "-", "--cache-dir", dir], readFileSync(sample, "utf8"));
  assert.equal(piped.status, 0);
  assert.ok(!readdirSync(join(dir, "..")).includes("cache"), "stdin leaves the cache alone");
  assert.equal(cli(["summary", log, "--no-cache", "--cache-dir", dir]).status, 0);
  assert.ok(!readdirSync(join(dir, "..")).includes("cache"), "--no-cache leaves the cache alone");
});

test("a rebuilt kit (a module's mtime changed) never replays a memo of the old one", () => {
  const { dir, log } = setup();
  const args = ["summary", log];
  run(args, dir);
  assert.ok(!run(args, dir).read);
  const module = join(__dirname, "..", "..", "dist", "summary", "format-summary.js");
  const { atime, mtime } = statSync(module);
  try {
    utimesSync(module, atime, new Date(mtime.getTime() + 1000));
    assert.ok(run(args, dir).read, "another build of the kit recomputes");
    assert.ok(!run(args, dir).read, "and memoises for itself");
  } finally {
    // to the millisecond: a memo of the kit as it was before may not be replayed after this, which only costs a recomputation
    utimesSync(module, atime, mtime);
  }
});
