import { test } from "node:test";
import assert from "node:assert/strict";
import { loadTables, summarize, formatSummary, formatIssue } from "../../src/index";
import { writeTemp, sessionLine, mediaLine } from "../helpers";

const TS = "2025-11-03T12:24:13.482113";

test("control characters from the log never reach the terminal in summary text: they are escaped as \\xHH", async () => {
  const evil = "\u001b[2J\u001b]0;pwned\u0007\r\u009b31m\u202e";
  const lines = [
    sessionLine({ sid: "a", ts: TS }).replace('"name": "表达清晰度"', `"name": ${JSON.stringify(`表达${evil}`)}`),
    JSON.stringify({ type: `hb${evil}`, ts: TS }),
    sessionLine({ sid: "b", ts: TS, extra: `, ${JSON.stringify(`k${evil}`)}: 1` }),
  ];
  const t = await loadTables(writeTemp("evil.log", lines.join("\n") + "\n"));
  const text = formatSummary(summarize(t));
  assert.doesNotMatch(text, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  assert.ok(text.includes("表达\\x1b[2J\\x1b]0;pwned\\x07\\x0d\\x9b31m\\u202e"), text);
  assert.ok(text.includes('unknown row type "hb\\x1b[2J'), text);
  assert.ok(text.includes("evaluation.k\\x1b[2J"), text);
  const unknown = t.issues.find((i) => i.code === "unknown_type")!;
  assert.equal(unknown.message.includes("\u001b"), true); // the data keeps the value; only printing escapes it
  assert.doesNotMatch(formatIssue(unknown), /\u001b/);
});

test("users counts user_id in reports and media, and the text says so: a media-only student makes more users than sessions", async () => {
  const lines = [sessionLine({ sid: "a", user: "u1", ts: TS }), mediaLine({ sid: "a", mid: "m1", user: "u1", ts: TS }), mediaLine({ sid: "b", mid: "m2", user: "u2", ts: TS })];
  const s = summarize(await loadTables(writeTemp("users.log", `${lines.join("\n")}\n`), { cache: false }));
  assert.deepEqual([s.sessions, s.users], [1, 2]);
  assert.ok(formatSummary(s).split("\n").includes("sessions: 1 (0 superseded reports), users: 2 (in reports or media)"), formatSummary(s));
});
