import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { makeFolders } from "../../src/io/make-folders";
import { tempDir } from "../helpers";

test("makeFolders makes the missing folders, accepts existing ones, and fails at once where mkdir -p would", () => {
  const root = tempDir();
  makeFolders(join(root, "a", "b", "c"));
  assert.ok(statSync(join(root, "a", "b", "c")).isDirectory());
  makeFolders(join(root, "a", "b")); // already there
  writeFileSync(join(root, "file"), "");
  assert.throws(() => makeFolders(join(root, "file", "x")), /ENOTDIR|EEXIST/);
  // node 20's recursive mkdirSync spins forever here
  assert.throws(() => makeFolders("/proc/nope/x"), /ENOENT/);
  assert.equal(existsSync("/proc/nope"), false);
});
