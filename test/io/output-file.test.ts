import { test } from "node:test";
import assert from "node:assert/strict";
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { LineWriter, OutputExistsError, OutputFile, checkOutput, writeLines, writeOutput } from "../../src/index";
import { removeStaleTemps, tempPath } from "../../src/io/temp-files";
import { tempDir } from "../helpers";

test("writeOutput makes missing folders, writes the bytes and leaves nothing else in the folder", () => {
  const dir = tempDir();
  const file = join(dir, "a", "b", "out.json");
  assert.equal(writeOutput(file, "{\"é\": 1}\n"), 10);
  assert.equal(readFileSync(file, "utf8"), "{\"é\": 1}\n");
  assert.deepEqual(readdirSync(join(dir, "a", "b")), ["out.json"]);
});

test("`..` after a symbolic link to a folder goes up from the link's target, as the system reads the path (mkdir -p, then the file)", () => {
  const dir = tempDir();
  mkdirSync(join(dir, "real", "deep"), { recursive: true });
  symlinkSync(join("real", "deep"), join(dir, "dl"));
  // dl/new/../../x.txt is real/deep/new/../../x.txt = real/x.txt; read as text it would be ./x.txt.
  writeOutput(`${dir}/dl/new/../../x.txt`, "x\n"); // not join, which would read the `..` as text
  assert.equal(readFileSync(join(dir, "real", "x.txt"), "utf8"), "x\n");
  assert.ok(statSync(join(dir, "real", "deep", "new")).isDirectory());
  assert.deepEqual(readdirSync(dir).sort(), ["dl", "real"]);
  assert.deepEqual(readdirSync(join(dir, "real")).sort(), ["deep", "x.txt"]);
});

test("an existing file is refused without force and replaced with it, keeping its permissions", () => {
  const dir = tempDir();
  const file = join(dir, "out.txt");
  writeFileSync(file, "old\n");
  chmodSync(file, 0o640);
  assert.throws(() => writeOutput(file, "new\n"), OutputExistsError);
  assert.equal(readFileSync(file, "utf8"), "old\n");
  writeOutput(file, "new\n", { force: true });
  assert.equal(readFileSync(file, "utf8"), "new\n");
  assert.equal(statSync(file).mode & 0o777, 0o640);
  assert.deepEqual(readdirSync(dir), ["out.txt"]);
});

test("a symbolic link is refused without force; with it the link is replaced and its target left alone", () => {
  const dir = tempDir();
  writeFileSync(join(dir, "target.txt"), "target\n");
  symlinkSync("target.txt", join(dir, "link.txt"));
  assert.throws(() => writeOutput(join(dir, "link.txt"), "new\n"), /link\.txt is a symbolic link; pass \{ force: true \} to replace the link/);
  assert.equal(readlinkSync(join(dir, "link.txt")), "target.txt");
  writeOutput(join(dir, "link.txt"), "new\n", { force: true });
  assert.ok(lstatSync(join(dir, "link.txt")).isFile());
  assert.equal(readFileSync(join(dir, "link.txt"), "utf8"), "new\n");
  assert.equal(readFileSync(join(dir, "target.txt"), "utf8"), "target\n");
});

test("a dangling symbolic link is not written through, with or without force", () => {
  const dir = tempDir();
  symlinkSync("nowhere.txt", join(dir, "dangling.txt"));
  assert.throws(() => checkOutput(join(dir, "dangling.txt"), false), OutputExistsError);
  assert.throws(() => writeOutput(join(dir, "dangling.txt"), "new\n"), OutputExistsError);
  assert.ok(!existsSync(join(dir, "nowhere.txt")));
  writeOutput(join(dir, "dangling.txt"), "new\n", { force: true });
  assert.ok(lstatSync(join(dir, "dangling.txt")).isFile());
  assert.ok(!existsSync(join(dir, "nowhere.txt")));
});

test("a folder is never an output", () => {
  const dir = tempDir();
  mkdirSync(join(dir, "sub"));
  assert.throws(() => writeOutput(join(dir, "sub"), "x", { force: true }), /cannot write .*sub: it is a folder/);
});

test("a write that fails halfway leaves the old file as it was and no temporary file", () => {
  const dir = tempDir();
  const file = join(dir, "out.log");
  writeFileSync(file, "old\n");
  function* lines() {
    for (let i = 0; i < 300_000; i++) yield `line ${i} ${"x".repeat(20)}\n`; // ~9 MB: several flushes to the file
    throw new Error("generator broke");
  }
  assert.throws(() => writeLines(file, lines(), true), /generator broke/);
  assert.equal(readFileSync(file, "utf8"), "old\n");
  assert.deepEqual(readdirSync(dir), ["out.log"]);
});

test("without force, a file that appears while writing is not clobbered at the commit", () => {
  const dir = tempDir();
  const file = join(dir, "out.txt");
  const out = new LineWriter(file, false);
  out.write("mine\n");
  writeFileSync(file, "theirs\n");
  assert.throws(() => out.commit(), OutputExistsError);
  out.discard();
  assert.equal(readFileSync(file, "utf8"), "theirs\n");
  assert.deepEqual(readdirSync(dir), ["out.txt"]);
});

test("the temporary file is hidden beside the destination; a dead writer's is removed, a running one's kept", () => {
  const dir = tempDir();
  const file = join(dir, "big.log");
  const open = OutputFile.open(file);
  const [temp] = readdirSync(dir);
  assert.match(temp, /^\.big\.log\.metrics-kit-\d+-[0-9a-f]{10}\.tmp$/);
  assert.equal(join(dir, temp), open.temp);
  open.discard();
  assert.deepEqual(readdirSync(dir), []);
  // A process that has ended (its pid is free) and one that runs (this test's parent).
  const dead = spawnSync(process.execPath, ["-e", "0"]).pid!;
  const stale = tempPath(file).replace(`-${process.pid}-`, `-${dead}-`);
  const alive = tempPath(file).replace(`-${process.pid}-`, `-${process.ppid}-`);
  writeFileSync(stale, "half");
  writeFileSync(alive, "half");
  writeFileSync(join(dir, ".big.log.metrics-kit-notes.tmp"), "not ours"); // not the kit's naming: left alone
  removeStaleTemps(file);
  assert.deepEqual(readdirSync(dir).sort(), [".big.log.metrics-kit-notes.tmp", alive.slice(dir.length + 1)].sort());
});

test("a long destination name still gets a valid temporary name", () => {
  const dir = tempDir();
  const file = join(dir, `${"é".repeat(120)}.log`); // 245 bytes of 255
  writeOutput(file, "x\n");
  assert.equal(readFileSync(file, "utf8"), "x\n");
  assert.deepEqual(readdirSync(dir), [`${"é".repeat(120)}.log`]);
});
