import { test } from "node:test";
import assert from "node:assert/strict";
import { GenerateOptions } from "../../src/index";
import { errorLine } from "../../src/cli/error-line";

test("errorLine: a zod error as its first issue on one line, any other error as its first line", () => {
  const zod = GenerateOptions.safeParse({ students: -5, faults: 2 }).error;
  assert.ok(zod && zod.message.split("\n").length > 5, "zod's own message is multi-line JSON");
  assert.equal(errorLine(zod), "invalid students: Too small: expected number to be >0 (and 1 more)");
  assert.equal(errorLine(GenerateOptions.safeParse({ sessions: [0, 0] }).error), "invalid sessions.0: Too small: expected number to be >0 (and 1 more)");
  assert.equal(errorLine(new Error("cannot write x.log: ENOSPC\n    at stack")), "cannot write x.log: ENOSPC");
  assert.equal(errorLine("plain"), "plain");
});
