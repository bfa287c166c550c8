import { test } from "node:test";
import assert from "node:assert/strict";
import { GenerateOptions, OutputExistsError } from "../../src/index";
import { errorLine } from "../../src/cli/error-line";

test("errorLine: a zod error as its first issue on one line, any other error as its first line", () => {
  const zod = GenerateOptions.safeParse({ students: -5, faults: 2 }).error;
  assert.ok(zod && zod.message.split("\n").length > 5, "zod's own message is multi-line JSON");
  assert.equal(errorLine(zod), "invalid students: Too small: expected number to be >0 (and 1 more)");
  assert.equal(errorLine(GenerateOptions.safeParse({ sessions: [0, 0] }).error), "invalid sessions.0: Too small: expected number to be >0 (and 1 more)");
  assert.equal(errorLine(new Error("cannot write x.log: ENOSPC\n    at stack")), "cannot write x.log: ENOSPC");
  assert.equal(errorLine("plain"), "plain");
});

test("errorLine: an output that exists names the CLI's --force, where the library's message names { force: true }", () => {
  assert.equal(new OutputExistsError("x.log").message, "x.log exists; pass { force: true } to overwrite it");
  assert.equal(errorLine(new OutputExistsError("x.log")), "x.log exists; pass --force to overwrite it");
  assert.equal(new OutputExistsError("l.log", true).message, "l.log is a symbolic link; pass { force: true } to replace the link (its target is left alone)");
  assert.equal(errorLine(new OutputExistsError("l\u001b.log", true)), "l\\x1b.log is a symbolic link; pass --force to replace the link (its target is left alone)");
});
